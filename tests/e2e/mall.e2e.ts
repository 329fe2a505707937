/**
 * The 爱心超市 journey: a volunteer with points redeems an item, staff 核销 its pickup code,
 * and the volunteer's history shows both the points earned and the redemption.
 */
import type { Page } from 'playwright-core';
import { ORDERS, type OrderFields } from '../../cloudfunctions/mall/store';
import { findAll } from '../../cloudfunctions/runtime/db';
import {
  confirmModal,
  goBack,
  front,
  openTool,
  startHarness,
  switchUser,
  tapButton,
  tapCell,
  tapTab,
  fillField,
  type Harness,
} from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.openAs('demo-volunteer-li');
});

afterAll(async () => h?.stop());

test('redeem → staff 核销 the code → history shows the earning and the redemption', async () => {
  await tapTab(page, '积分');
  await front(page).getByTestId('balance').getByText('120').waitFor();
  await front(page).getByTestId('goods-card').filter({ hasText: '大米5kg' }).click();
  await tapButton(page, '立即兑换');
  await page.getByTestId('redeem-confirm').getByText('兑换后剩余：70 分').waitFor();
  await page.locator('.nut-dialog-footer .nut-button', { hasText: '确认兑换' }).click();

  const codeText = await front(page).getByTestId('pickup-code').textContent();
  const code = (codeText ?? '').trim();
  expect(code).toMatch(/^[A-Z2-8]{4}-[A-Z2-8]{4}$/);
  await front(page).getByTestId('qr-code').waitFor();

  // Staff hand the rice over against the code.
  await goBack(page);
  await switchUser(page, 'demo-staff-wang');
  await openTool(page, '兑换核销');
  await fillField(page, 'pickupCode', code.toLowerCase());
  await tapButton(page, '查询');
  await front(page).getByTestId('pickup-order').getByText('兑换人：李强').waitFor();
  await tapButton(page, '确认发放');
  await confirmModal(page);
  await front(page).getByTestId('pickup-order').getByText('已领取').waitFor();
  // Back past the 社区工作台 to 我的.
  await goBack(page);
  await goBack(page);

  // The volunteer sees the order handed over and both entries in the history.
  await switchUser(page, 'demo-volunteer-li');
  await tapTab(page, '积分');
  await front(page).getByTestId('balance').getByText('70').waitFor();
  await tapCell(page, '积分明细');
  const entries = front(page).getByTestId('history-entry');
  await entries.filter({ hasText: '兑换：大米5kg ×1' }).getByText('-50').waitFor();
  await entries.filter({ hasText: '纸质台账补录' }).getByText('+120').waitFor();
  await goBack(page);
  await tapCell(page, '我的兑换');
  await front(page).getByTestId('order').filter({ hasText: '大米5kg' }).getByText('已领取').waitFor();

  const orders = await findAll<OrderFields>(h.cloud.deps.db.collection(ORDERS));
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ goodsName: '大米5kg', status: 'picked_up', points: 50 });
});
