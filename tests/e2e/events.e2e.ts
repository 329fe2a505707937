/**
 * The events journey: a volunteer signs up, the leader's page shows the rotating code, the
 * volunteer checks in and out with it, the leader confirms the hours, and the volunteer's
 * points and service record show them. The server's clock is moved between the steps.
 */
import type { Page } from 'playwright-core';
import { HOUR_MS, MINUTE_MS } from '../../core/time';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import {
  confirmModal,
  fillField,
  front,
  startHarness,
  tapButton,
  tapCell,
  tapTab,
  type Harness,
} from './harness';

let h: Harness;
let volunteer: Page;
let leader: Page;
let start: number;
let end: number;

beforeAll(async () => {
  h = await startHarness();
  start = h.clock.now() + 2 * HOUR_MS;
  end = start + 3 * HOUR_MS;
  const draft = await h.cloud.invoke(
    'events',
    {
      action: 'save',
      input: {
        title: '楼道清洁志愿服务',
        category: 'volunteer',
        place: '3号楼楼下',
        startAt: start,
        endAt: end,
        signupDeadline: start - HOUR_MS,
        capacity: 5,
        audience: 'volunteers',
        leaderIds: [userIdForOpenid('demo-volunteer-zhao')],
      },
    },
    'demo-staff-wang',
  );
  if (!draft.ok) throw new Error(draft.message);
  await h.cloud.invoke(
    'events',
    { action: 'publish', input: { eventId: (draft.data as { id: string }).id } },
    'demo-staff-wang',
  );
  volunteer = await h.openAs('demo-volunteer-li');
  leader = await h.openAs('demo-volunteer-zhao');
});

afterAll(async () => h?.stop());

async function openEvent(page: Page) {
  await tapTab(page, '活动');
  await front(page).getByTestId('event-card').filter({ hasText: '楼道清洁志愿服务' }).click();
}

/** After the event the leader finds it under 我的活动 → 我负责的. */
async function openLedEvent(page: Page) {
  await tapTab(page, '活动');
  await tapButton(page, '我的活动');
  await front(page).locator('.nut-tabs-titles-item', { hasText: '我负责的' }).click();
  await front(page).getByTestId('event-card').filter({ hasText: '楼道清洁志愿服务' }).click();
}

/** The leader's screen: the QR's link (what a scanner reads) and the 口令 beside it. */
async function leaderCode(purpose: 'in' | 'out'): Promise<{ link: string; phrase: string }> {
  await h.restart(leader);
  await openEvent(leader);
  await tapButton(leader, '签到码');
  if (purpose === 'out') await front(leader).locator('.nut-tabs-titles-item', { hasText: '签退码' }).click();
  await front(leader)
    .getByText(purpose === 'in' ? '请志愿者用微信扫码签到' : '请志愿者用微信扫码签退')
    .waitFor();
  const code = front(leader).getByTestId('checkin-code');
  const link = (await code.getByTestId('qr-code').getAttribute('data-text')) ?? '';
  const phrase = ((await code.getByTestId('checkin-phrase').textContent()) ?? '').trim();
  // No token is shown as text: only the six digits of the 口令.
  expect(await code.textContent()).not.toContain('llt:');
  expect(phrase).toMatch(/^\d{3} \d{3}$/);
  return { link, phrase };
}

/** A phone that cannot scan: 活动 → 扫码签到, the 口令 typed, 签到 or 签退. */
async function typePhrase(phrase: string, button: '签到' | '签退', expected: string) {
  await h.restart(volunteer);
  await tapTab(volunteer, '活动');
  await tapButton(volunteer, '扫码签到');
  await fillField(volunteer, 'checkinPhrase', phrase);
  await front(volunteer)
    .locator('.nut-button', { hasText: new RegExp(`^${button}$`) })
    .click();
  await front(volunteer).getByTestId('checkin-done').getByText(expected).waitFor();
}

test('sign up → leader code → check in → check out → leader confirms → points and record', async () => {
  await openEvent(volunteer);
  await tapButton(volunteer, '立即报名');
  await front(volunteer).getByTestId('my-participation').getByText('我的报名：已报名').waitFor();

  // WeChat's 扫一扫 reads the QR's link and opens the 扫码签到 page with it as `q`: checked in at once.
  h.clock.set(start + 5 * MINUTE_MS);
  const { link } = await leaderCode('in');
  expect(link).toMatch(/^https:\/\/[^?]+\?t=/);
  // WeChat hands `q` over percent-encoded once; Taro's H5 router passes the query as written.
  await volunteer.goto(`${h.baseUrl}/#/pages/events/scan/index?q=${encodeURIComponent(link)}`);
  await volunteer.reload();
  await front(volunteer).getByTestId('checkin-done').getByText('签到成功').waitFor();

  h.clock.set(start + 2 * HOUR_MS + 35 * MINUTE_MS);
  await typePhrase((await leaderCode('out')).phrase, '签退', '签退成功');

  h.clock.set(end + HOUR_MS);
  await h.restart(leader);
  await openLedEvent(leader);
  await tapButton(leader, '参与者与时长');
  const row = front(leader).getByTestId('participant').filter({ hasText: '李强' });
  await row.getByText('建议时长 150 分钟').waitFor();
  await tapButton(leader, '全部确认时长并发放积分');
  await confirmModal(leader);
  await row.getByText('已确认 150 分钟 · 2 积分').waitFor();

  await h.restart(volunteer);
  await tapTab(volunteer, '积分');
  await front(volunteer).getByTestId('balance').getByText('122').waitFor();
  await tapTab(volunteer, '我的');
  await tapCell(volunteer, '我的服务记录');
  await front(volunteer)
    .getByTestId('record-row')
    .filter({ hasText: '楼道清洁志愿服务' })
    .getByText('2.5 小时')
    .waitFor();
  await tapButton(volunteer, '查看志愿服务证明');
  await front(volunteer).getByTestId('certificate').getByText('李强').waitFor();
  const [download] = await Promise.all([
    volunteer.waitForEvent('download'),
    tapButton(volunteer, '保存为图片'),
  ]);
  expect(download.suggestedFilename()).toBe('志愿服务证明.png');
});
