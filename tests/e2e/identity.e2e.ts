/**
 * The foundation journey: a resident picks a demo identity, fills their profile and applies
 * for 双报到; staff approve; the resident sees the new role and the message.
 */
import type { Page } from 'playwright-core';
import { USERS, userIdForOpenid, type UserFields } from '../../cloudfunctions/runtime/users';
import { findById } from '../../cloudfunctions/runtime/db';
import {
  confirmModal,
  goBack,
  openTool,
  fillField,
  front,
  startHarness,
  switchUser,
  tapButton,
  tapCell,
  tapTab,
  type Harness,
} from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.openAs(null);
});

afterAll(async () => h?.stop());

test('pick a demo user → profile → apply for 双报到 → staff approve → role shown', async () => {
  // Dev login, then the first-launch offer of 关怀模式.
  await page.getByTestId('demo-user-demo-resident-zhou').click();
  await page.getByText('需要大字体吗？').waitFor();
  await page.getByText('暂不需要').click();
  await front(page).getByText('幸福里社区').waitFor();

  // Profile.
  await tapTab(page, '我的');
  await tapCell(page, '编辑资料');
  await fillField(page, 'nickname', '周明');
  await fillField(page, 'building', '1号楼');
  await tapButton(page, '保存');
  await front(page).getByTestId('me-nickname').getByText('周明').waitFor();

  // Apply for 双报到.
  await tapCell(page, '在职党员双报到');
  await fillField(page, 'realName', '周明');
  await fillField(page, 'partyOrg', '市税务局第一党支部');
  await fillField(page, 'workplace', '市税务局');
  await tapButton(page, '提交报到申请');
  await front(page).getByTestId('application').getByText('审核中').waitFor();

  // Staff approve it.
  await goBack(page);
  await switchUser(page, 'demo-staff-wang');
  await openTool(page, '审核双报到申请');
  const card = front(page).getByTestId('staff-application').filter({ hasText: '周明' });
  await card.getByText('市税务局第一党支部').waitFor();
  await card.locator('.nut-button', { hasText: '通过' }).click();
  await confirmModal(page);
  await front(page).getByText('暂无申请').waitFor();
  // Back past the 社区工作台 to 我的.
  await goBack(page);
  await goBack(page);

  // The applicant sees the role, the verified state and the message.
  await switchUser(page, 'demo-resident-zhou');
  await tapTab(page, '我的');
  await front(page).getByTestId('role-tags').getByText('双报到党员').waitFor();
  await tapCell(page, '在职党员双报到');
  await front(page).getByTestId('party-verified').waitFor();
  await goBack(page);
  await tapCell(page, '我的消息');
  await front(page).getByTestId('message').getByText('双报到认证已通过').waitFor();

  // And the database row says the same.
  const user = await findById<UserFields>(h.cloud.deps.db, USERS, userIdForOpenid('demo-resident-zhou'));
  expect(user).toMatchObject({ nickname: '周明', building: '1号楼', roles: ['resident', 'party_member'] });
});
