/**
 * What a resident sees while a page loads, when it cannot, and when it is empty (issue #9):
 * every cloud answer is held back, so each page must show its skeleton first and then its
 * content; a link with a bad id shows the error state with a way back; and no page — empty
 * states included — asks another host for an image.
 */
import type { Page } from 'playwright-core';
import { HOUR_MS } from '../../core/time';
import { pageUrl, type ParamsOf, type RouteName } from '../../core/routes';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { front, startHarness, type Harness } from './harness';

/** How long every cloud answer is held back: long enough to see the skeleton. */
const DELAY_MS = 700;

let h: Harness;
let resident: Page;
let staff: Page;
const requested: string[] = [];
const ids = {
  event: '',
  goods: '',
  order: '',
  // The demo's 百姓点菜 content (server/seed-votes.ts).
  proposal: 'p-demo-mat',
  round: 'r-demo-autumn',
  project: 'pj_p-demo-shelter',
};

async function invoke(openid: string, fn: string, action: string, input: object) {
  const res = await h.cloud.invoke(fn, { action, input }, openid);
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.message}`);
  return res.data as { id: string };
}

async function slowCloud(page: Page) {
  page.on('request', (request) => requested.push(request.url()));
  await page.route('**/cloud/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
    await route.continue();
  });
}

beforeAll(async () => {
  h = await startHarness();
  const start = h.clock.now() + 24 * HOUR_MS;
  const draft = await invoke('demo-staff-wang', 'events', 'save', {
    title: '楼道清洁志愿服务',
    category: 'volunteer',
    place: '3号楼楼下',
    startAt: start,
    endAt: start + 3 * HOUR_MS,
    signupDeadline: start - HOUR_MS,
    capacity: 5,
    audience: 'everyone',
  });
  ids.event = (await invoke('demo-staff-wang', 'events', 'publish', { eventId: draft.id })).id;
  await invoke('demo-volunteer-li', 'events', 'signUp', { eventId: ids.event });
  const shelf = (await h.cloud.invoke('mall', { action: 'listGoods', input: {} }, 'demo-volunteer-li')) as {
    data: { id: string; name: string }[];
  };
  ids.goods = shelf.data.find((g) => g.name === '鸡蛋一盒')?.id ?? '';
  ids.order = (
    await invoke('demo-volunteer-li', 'mall', 'redeem', {
      goodsId: ids.goods,
      quantity: 1,
      requestId: 'states-e2e-1',
    })
  ).id;
  resident = await h.openAs('demo-volunteer-li');
  staff = await h.openAs('demo-staff-wang');
  await slowCloud(resident);
  await slowCloud(staff);
});

afterAll(async () => h?.stop());

/** Open a page the way a shared link does: a fresh start on its address. */
async function open<R extends RouteName>(page: Page, route: R, params?: ParamsOf<R>) {
  await page.goto(`${h.baseUrl}/#${pageUrl(route, params)}`);
  await page.reload();
}

type Check = [RouteName, object | undefined, string];

/** Each page that loads, and what its content shows once the answer is in. */
const residentPages: Check[] = [
  ['home', undefined, '[data-testid="home-goods"]'],
  ['events', undefined, '[data-testid="event-card"]'],
  ['eventDetail', { id: 'event' }, '[data-testid="event-badge"]'],
  ['myEvents', undefined, '[data-testid="event-card"]'],
  ['points', undefined, '[data-testid="goods-card"]'],
  ['goods', { id: 'goods' }, 'text=立即兑换'],
  ['orders', undefined, '[data-testid="order"]'],
  ['order', { id: 'order' }, '[data-testid="pickup-code"]'],
  ['history', undefined, '[data-testid="history-entry"]'],
  ['ranking', undefined, '[data-testid="ranking-row"]'],
  ['messages', undefined, '[data-testid="empty-state"]'],
  ['record', undefined, '[data-testid="empty-state"]'],
  ['certificate', undefined, '[data-testid="certificate"]'],
  ['card', undefined, '[data-testid="volunteer-card"]'],
  ['party', undefined, 'text=向社区报到'],
  ['votes', undefined, '[data-testid="proposal"]'],
  ['voteProposal', { id: 'proposal' }, '[data-testid="proposal-supports"]'],
  ['voteRound', { id: 'round' }, '[data-testid="vote-chart"]'],
  [
    'voteMine',
    undefined,
    '[data-testid="proposal"], [data-testid="ballot-receipt"], [data-testid="empty-state"]',
  ],
  ['voteRounds', undefined, '[data-testid="round"]'],
  ['voteProjects', undefined, '[data-testid="project"]'],
  ['voteProject', { id: 'project' }, '[data-testid="timeline"]'],
  ['wishWall', undefined, '[data-testid="wish-card"]'],
  ['wishDetail', { id: 'wish' }, '[data-testid="wish-story"]'],
  ['myWishes', undefined, '[data-testid="empty-state"]'],
  ['privacy', undefined, '[data-testid="privacy-profile"]'],
];

const staffPages: Check[] = [
  ['staffApplications', undefined, '[data-testid="empty-state"]'],
  ['staffResidents', undefined, '[data-testid="resident"]'],
  ['staffGoods', undefined, '[data-testid="staff-goods"]'],
  ['staffGoodsEdit', { id: 'goods' }, 'input[name="name"]'],
  ['staffDonors', undefined, 'text=幸福里生鲜超市'],
  ['staffEvents', undefined, '[data-testid="event-card"]'],
  ['staffEventEdit', { id: 'event' }, 'input[name="title"]'],
  ['staffAdjust', { userId: 'li' }, 'text=当前积分'],
  ['leaderParticipants', { id: 'event' }, '[data-testid="participant"]'],
  ['leaderCode', { id: 'event' }, '[data-testid="checkin-code"]'],
  ['staffProposals', undefined, '[data-testid="staff-proposal"]'],
  ['staffRounds', undefined, '[data-testid="staff-round"]'],
  ['staffRound', { id: 'round' }, '[data-testid="projectable"]'],
  ['staffVotingSettings', undefined, 'input[name="supportThreshold"]'],
  ['staffMilestoneEdit', { projectId: 'project' }, 'input[name="title"]'],
  ['staffProjectEdit', { id: 'project' }, '[data-testid="staff-milestone"]'],
  ['staffWishBoard', undefined, '[data-testid="wish-card"]'],
  ['staffWishReview', undefined, '[data-testid="wish-card"]'],
  ['staffWishEdit', { id: 'wish' }, 'input[name="title"]'],
  ['staffWishPostFor', undefined, '[data-testid="post-for-resident"]'],
  ['staffWishSettings', undefined, 'input[name="claimLimit"]'],
  ['staffReports', undefined, '[data-testid="empty-state"]'],
  ['staffPartyRecords', undefined, '[data-testid="party-record-member"]'],
  ['staffEventHub', { id: 'event' }, '[data-testid="event-act"]'],
  ['staffDashboard', undefined, '[data-testid="chart"]'],
  ['staffAudit', undefined, '[data-testid="audit-entry"], [data-testid="empty-state"]'],
];

/** The real ids behind the placeholders above (known only once the data is made). */
function paramsOf(params: object | undefined): Record<string, string> | undefined {
  if (!params) return undefined;
  const named: Record<string, string> = {
    ...ids,
    wish: 'w-demo-lamp',
    li: userIdForOpenid('demo-volunteer-li'),
  };
  return Object.fromEntries(Object.entries(params).map(([key, name]) => [key, named[name as string]]));
}

async function skeletonThenContent(page: Page, [route, params, content]: Check) {
  await open(page, route, paramsOf(params) as never);
  const skeleton = front(page).getByTestId('skeleton').first();
  await skeleton.waitFor();
  await front(page).locator(content).first().waitFor();
  await skeleton.waitFor({ state: 'detached' });
}

test.each(residentPages)(
  '%s: the skeleton while the answer is held back, then the content',
  async (...check) => {
    await skeletonThenContent(resident, check);
  },
);

test.each(staffPages)('%s (staff): the skeleton, then the content', async (...check) => {
  await skeletonThenContent(staff, check);
});

test.each<[RouteName, object]>([
  ['eventDetail', { id: 'no-such-event' }],
  ['goods', { id: 'no-such-goods' }],
  ['order', { id: 'no-such-order' }],
  ['leaderParticipants', { id: 'no-such-event' }],
  ['voteProposal', { id: 'no-such-proposal' }],
  ['voteRound', { id: 'no-such-round' }],
  ['voteProject', { id: 'no-such-project' }],
  ['wishDetail', { id: 'no-such-wish' }],
])('%s with a bad id: the error state in plain words, and 返回 leads home', async (route, params) => {
  await open(resident, route, params as never);
  const error = front(resident).getByTestId('error-state');
  await error.getByText('内容不存在或已删除').waitFor();
  await error.locator('.llt-button', { hasText: '重试' }).waitFor();
  // Opened directly, there is nowhere to go back to: 返回 goes home rather than nowhere.
  await error.locator('.llt-button', { hasText: '返回' }).click();
  await front(resident).locator('.hero').waitFor();
});

test('no page asked another host for anything: empty states show the bundled picture', async () => {
  await open(resident, 'record');
  const picture = front(resident).getByTestId('empty-state').locator('img');
  await picture.waitFor();
  expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(new URL(await picture.evaluate((img: HTMLImageElement) => img.src)).origin).toBe(
    new URL(h.baseUrl).origin,
  );
  const elsewhere = requested.filter((url) => !url.startsWith(h.baseUrl) && !url.startsWith('data:'));
  expect(elsewhere).toEqual([]);
  expect(requested.length).toBeGreaterThan(50);
});
