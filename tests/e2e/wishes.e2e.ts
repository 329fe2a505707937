/**
 * The 微心愿 journey (issue #10): staff post a wish for 张桂英, who has no smartphone, and
 * approve it; 陈建国, a verified 双报到 party member, claims it and sees whom to contact; 赵小燕,
 * a second member, never does; he fulfils it with a proof photo; staff confirm receipt for her;
 * his points rise and his 双报到 record shows the wish. A wish with risky text is refused.
 */
import fs from 'fs';
import type { Page } from 'playwright-core';
import { ENTRIES, type EntryFields } from '../../cloudfunctions/points/ledger';
import { findAll } from '../../cloudfunctions/runtime/db';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { WISHES, type WishFields } from '../../cloudfunctions/wishes/store';
import {
  confirmModal,
  front,
  openTool,
  settle,
  startHarness,
  tapButton,
  tapCell,
  tapTab,
  type Harness,
} from './harness';

const TITLE = '想请人帮忙换一下厨房的灯泡';
/** The smallest PNG: one transparent pixel (the local cloud stores what an upload sends). */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let h: Harness;
let staff: Page;
let chen: Page;
let zhao: Page;

beforeAll(async () => {
  h = await startHarness();
  staff = await h.openAs('demo-staff-wang');
  chen = await h.openAs('demo-party-chen');
  zhao = await h.openAs('demo-volunteer-zhao');
});

afterAll(async () => h?.stop());

/** Taro's H5 toast: its box holds the text (it is laid out by a fixed child, so wait for it to be there). */
const toast = (page: Page, text: string) =>
  page.locator('.taro__toast', { hasText: text }).waitFor({ state: 'attached' });

async function fill(page: Page, name: string, value: string) {
  await front(page).locator(`input[name="${name}"]`).fill(value);
}

async function fillText(page: Page, testId: string, value: string) {
  await front(page).getByTestId(testId).locator('textarea').fill(value);
}

/** The dialog's own confirm button (a usePrompt dialog, not the platform's modal). */
async function confirmDialog(page: Page) {
  await page.locator('.nut-dialog-footer-ok:visible').click();
}

/** From a fresh start on the home page (the tab bar hides on pages opened on top). */
async function openWishOnWall(page: Page) {
  await h.restart(page);
  await front(page).getByTestId('entry-wishes').click();
  await front(page).getByTestId('wish-card').filter({ hasText: TITLE }).click();
  await front(page).getByTestId('wish-story').waitFor();
  await settle(page);
}

/** From a fresh start, a tool of the 社区工作台. */
async function openStaffTool(page: Page, label: string) {
  await h.restart(page);
  await openTool(page, label);
  await settle(page);
}

test('staff 代发布 for 张桂英: risky text is refused in Chinese, the fixed wish is approved onto the wall', async () => {
  await openStaffTool(staff, '心愿看板');
  await tapCell(staff, '代老人发布心愿');
  await front(staff).getByTestId('post-for-resident').filter({ hasText: '张桂英' }).click();
  // Who it is for comes from her registration; the wall will only ever say 张** · 1栋.
  const nameBox = await front(staff).locator('input[name="name"]').elementHandle();
  await staff.waitForFunction((box) => (box as HTMLInputElement).value === '张桂英', nameBox);
  await front(staff).getByTestId('contact-privacy').getByText('王** · 3栋').waitFor();

  await fill(staff, 'title', '帮忙代开发票');
  await front(staff).locator('.nut-radio', { hasText: '服务' }).click();
  await front(staff).getByTestId('picker-wantedBy').click();
  await staff.locator('.nut-picker-confirm-btn:visible').click();
  await tapButton(staff, '代张桂英提交心愿');
  await toast(staff, '内容包含不适宜的信息，请修改后再提交');
  expect((await findAll<WishFields>(h.cloud.deps.db.collection(WISHES))).map((w) => w.title)).not.toContain(
    '帮忙代开发票',
  );

  await fill(staff, 'title', TITLE);
  await fillText(staff, 'textarea-story', '灯泡坏了好几天，自己够不着。');
  await tapButton(staff, '代张桂英提交心愿');
  await front(staff).getByTestId('wish-story').getByText('待审核').waitFor();
  await front(staff).getByTestId('wish-story').getByText('社区代发布', { exact: false }).waitFor();
  await tapButton(staff, '通过');
  await confirmModal(staff);
  await front(staff).getByTestId('wish-story').getByText('待认领').waitFor();
});

test('陈建国 claims it and sees the contact; 赵小燕, another member, never does', async () => {
  await openWishOnWall(chen);
  await expect(front(chen).getByTestId('wish-contact').count()).resolves.toBe(0);
  await tapButton(chen, '我来认领');
  await confirmModal(chen);
  const contact = front(chen).getByTestId('wish-contact');
  await contact.getByText('张桂英', { exact: false }).waitFor();
  await contact.getByText('1号楼1单元101', { exact: false }).waitFor();

  await openWishOnWall(zhao);
  await front(zhao).getByTestId('claim-blocked').getByText('该心愿已被其他党员认领').waitFor();
  const seen = (await front(zhao).textContent()) ?? '';
  expect(seen).toContain('张** · 1栋');
  expect(seen).not.toContain('张桂英');
  expect(seen).not.toContain('1单元101');
  expect(await front(zhao).getByTestId('wish-contact').count()).toBe(0);
});

test('he fulfils it with a proof photo; staff confirm receipt for her with thanks', async () => {
  await tapButton(chen, '标记完成');
  await fillText(chen, 'textarea-note', '已上门换好灯泡，试过开关正常');
  const chooser = chen.waitForEvent('filechooser');
  await front(chen).getByTestId('add-photo-photos').click();
  await (await chooser).setFiles({ name: 'proof.png', mimeType: 'image/png', buffer: PIXEL });
  await front(chen).getByTestId('photos-photos').locator('img').waitFor();
  await tapButton(chen, '提交');
  await confirmModal(chen);
  await front(chen).getByTestId('wish-story').getByText('待确认').waitFor();
  await front(chen).getByTestId('wish-fulfilment').getByText('已上门换好灯泡', { exact: false }).waitFor();

  await openStaffTool(staff, '心愿看板');
  await front(staff).locator('.nut-tabs-titles-item', { hasText: '进行中' }).click();
  await front(staff).getByTestId('wish-card').filter({ hasText: TITLE }).click();
  await front(staff).getByTestId('wish-fulfilment').locator('img').waitFor();
  await tapButton(staff, '确认收到');
  await staff.getByTestId('prompt-input').locator('textarea').fill('谢谢陈师傅，亮堂多了！');
  await confirmDialog(staff);
  await front(staff).getByTestId('wish-story').getByText('已完成').waitFor();
  await front(staff).getByTestId('wish-progress').getByText('谢谢陈师傅', { exact: false }).waitFor();
});

test('his points rise by the wish’s 5 and his 双报到 record shows it; the contact is masked again', async () => {
  await h.restart(chen);
  await tapTab(chen, '积分');
  await front(chen).getByTestId('balance').getByText('65').waitFor();
  const entries = await findAll<EntryFields>(
    h.cloud.deps.db.collection(ENTRIES).where({ userId: userIdForOpenid('demo-party-chen'), kind: 'wish' }),
  );
  expect(entries.map((e) => [e.amount, e.reason])).toEqual([[5, TITLE]]);

  await tapTab(chen, '我的');
  await tapCell(chen, '双报到记录');
  await settle(chen);
  await front(chen).getByTestId('party-record-totals').getByText('微心愿 1 件').waitFor();
  await front(chen).getByTestId('party-record-item').filter({ hasText: TITLE }).waitFor();
  await front(chen).getByTestId('party-record').getByText('区税务局第一党支部', { exact: false }).waitFor();

  await openWishOnWall(chen);
  await front(chen).getByTestId('wish-story').getByText('已完成').waitFor();
  expect(await front(chen).getByTestId('wish-contact').count()).toBe(0);
});

test('staff export the year’s 双报到 record as a CSV file, read a page at a time on 数据导出', async () => {
  await openStaffTool(staff, '双报到记录');
  await front(staff).getByTestId('party-record-member').filter({ hasText: '陈建国' }).waitFor();
  await tapButton(staff, '导出全部党员');
  // 数据导出 opens on the 双报到记录 table, for this year.
  await tapButton(staff, '导出表格');
  const download = staff.waitForEvent('download');
  await tapButton(staff, '保存为表格文件');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^双报到记录-.+\.csv$/);
  const csv = fs.readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv.split('\n')[0]).toContain('姓名,所在党组织');
  expect(csv).toMatch(/陈建国,区税务局第一党支部,区税务局,1,0,0/);
});
