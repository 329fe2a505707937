/**
 * The 社区工作台 by taps alone: every page of the staff and leader packages is reached from 我的
 * without typing an address — among them 活动管理 → an ended event → 参与者与时长, where staff
 * confirm the hours of an event they do not lead. And a resident closes their account under
 * 我的 → 隐私与数据: the app starts over, and the same phone logs in as a new resident.
 */
import type { Page } from 'playwright-core';
import { ROUTES, type RouteName } from '../../core/routes';
import { HOUR_MS, MINUTE_MS } from '../../core/time';
import { hmacSigner } from '../../cloudfunctions/runtime/config';
import { issueToken } from '../../core/domain/checkin-token';
import { findEvent } from '../../cloudfunctions/events/store';
import { findById } from '../../cloudfunctions/runtime/db';
import { USERS, userIdForOpenid, type UserFields } from '../../cloudfunctions/runtime/users';
import { CLOSED_ACCOUNT_NAME } from '../../core/domain/users';
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

const STAFF = 'demo-staff-wang';
const ENDED = '楼道清洁志愿服务';
const UPCOMING = '冬至包饺子';
/** The demo's own: 孙阿姨's wish waiting for review, last season's round and its project. */
const PENDING_WISH = '想学用手机和孙子视频通话';
const LAST_ROUND = '2026年秋季百姓点菜';
const PROJECT = '垃圾分类亭加装雨棚';
/** A round this test opens and lets start, for 录入纸质选票 (the demo has none in its voting days). */
const VOTING = '2027年春季百姓点菜';

let h: Harness;
let staff: Page;

async function invoke<T>(openid: string, fn: string, action: string, input: object): Promise<T> {
  const res = await h.cloud.invoke(fn, { action, input }, openid);
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.message}`);
  return res.data as T;
}

/** A published event starting at `start`, three hours long (sign-up closes an hour before). */
async function publish(title: string, start: number, audience: 'volunteers' | 'everyone'): Promise<string> {
  const draft = await invoke<{ id: string }>(STAFF, 'events', 'save', {
    title,
    category: 'volunteer',
    place: '3号楼楼下',
    startAt: start,
    endAt: start + 3 * HOUR_MS,
    signupDeadline: start - HOUR_MS,
    capacity: 5,
    audience,
  });
  await invoke(STAFF, 'events', 'publish', { eventId: draft.id });
  return draft.id;
}

/** An event 李强 signed up for and checked in to, now over with its hours open; one to come. */
beforeAll(async () => {
  h = await startHarness();
  const start = h.clock.now() + 2 * HOUR_MS;
  const ended = await publish(ENDED, start, 'volunteers');
  await invoke('demo-volunteer-li', 'events', 'signUp', { eventId: ended });
  h.clock.set(start + 5 * MINUTE_MS);
  const secret = (await findEvent(h.cloud.deps.db, ended))?.secret ?? '';
  const token = issueToken(hmacSigner, secret, ended, 'in', h.clock.now());
  await invoke('demo-volunteer-li', 'events', 'checkIn', { token });
  h.clock.set(start + 3 * HOUR_MS + HOUR_MS);
  await publish(UPCOMING, h.clock.now() + 48 * HOUR_MS, 'everyone');
  staff = await h.openAs(STAFF);
});

afterAll(async () => h?.stop());

/** The page in front is `route` (Taro's H5 router keeps it in the address's hash). */
async function arrivedAt(page: Page, route: RouteName) {
  await page.waitForFunction((path) => window.location.hash.startsWith(`#/${path}`), ROUTES[route]);
  await settle(page);
  await front(page).getByTestId('error-state').waitFor({ state: 'detached' });
}

async function openEvent(page: Page, tab: '已结束' | '未开始', title: string) {
  await openTool(page, '活动管理');
  await front(page).locator('.nut-tabs-titles-item', { hasText: tab }).click();
  await front(page).getByTestId('event-card').filter({ hasText: title }).click();
}

async function act(page: Page, label: string) {
  await front(page).getByTestId('event-act').filter({ hasText: label }).click();
}

/**
 * A round on three ready proposals of the demo's 需求清单, opened an hour ahead (as staff must,
 * before the freeze) and then in its voting days: the server's clock moves to its start.
 */
async function startVotingRound() {
  const startAt = h.clock.now() + HOUR_MS;
  await invoke(STAFF, 'votes', 'saveRound', {
    title: VOTING,
    proposalIds: ['p-demo-bench', 'p-demo-mat', 'p-demo-lights'],
    startAt,
    endAt: startAt + 7 * 24 * HOUR_MS,
    rule: { kind: 'approval', maxChoices: 2 },
    eligibility: 'residents',
    liveResults: false,
  });
  h.clock.set(startAt + MINUTE_MS);
}

async function openRound(page: Page, title: string) {
  await openTool(page, '投票管理');
  await front(page).getByTestId('staff-round').filter({ hasText: title }).click();
}

async function openProject(page: Page) {
  await openTool(page, '微实事项目');
  await front(page).getByTestId('project').filter({ hasText: PROJECT }).click();
  await tapButton(page, '管理项目');
}

async function openWishBoardCell(page: Page, cell: string) {
  await openTool(page, '心愿看板');
  await tapCell(page, cell);
}

/** How each page of the staff and leader packages is reached from 我的, by taps only. */
const PATHS: Partial<Record<RouteName, (page: Page) => Promise<void>>> = {
  staffWorkbench: async (p) => {
    await tapTab(p, '我的');
    await tapCell(p, '社区工作台');
  },
  staffApplications: (p) => openTool(p, '审核双报到申请'),
  staffResidents: (p) => openTool(p, '居民管理'),
  staffAdjust: async (p) => {
    await openTool(p, '居民管理');
    await front(p).getByTestId('resident').first().waitFor();
    await tapButton(p, '积分调整');
  },
  staffPickup: (p) => openTool(p, '兑换核销'),
  staffGoods: (p) => openTool(p, '爱心超市管理'),
  staffGoodsEdit: async (p) => {
    await openTool(p, '爱心超市管理');
    await front(p).getByTestId('staff-goods').first().click();
  },
  staffDonors: async (p) => {
    await openTool(p, '爱心超市管理');
    await tapButton(p, '爱心商家');
  },
  staffEvents: (p) => openTool(p, '活动管理'),
  staffEventHub: (p) => openEvent(p, '已结束', ENDED),
  staffEventEdit: async (p) => {
    await openEvent(p, '已结束', ENDED);
    await act(p, '编辑');
  },
  leaderParticipants: async (p) => {
    await openEvent(p, '已结束', ENDED);
    await act(p, '参与者与时长');
  },
  leaderCode: async (p) => {
    await openEvent(p, '未开始', UPCOMING);
    await act(p, '签到码');
  },
  staffWishReview: (p) => openTool(p, '心愿审核'),
  staffWishBoard: (p) => openTool(p, '心愿看板'),
  staffWishEdit: async (p) => {
    await openTool(p, '心愿审核');
    await front(p)
      .getByTestId('wish-card')
      .filter({ hasText: PENDING_WISH })
      .locator('.nut-button', { hasText: '修改' })
      .click();
  },
  staffWishPostFor: (p) => openWishBoardCell(p, '代老人发布心愿'),
  staffWishSettings: (p) => openWishBoardCell(p, '微心愿设置'),
  staffReports: (p) => openTool(p, '举报处理'),
  staffPartyRecords: (p) => openTool(p, '双报到记录'),
  staffProposals: (p) => openTool(p, '提议初审'),
  staffVotingSettings: (p) => openTool(p, '投票设置'),
  staffRounds: (p) => openTool(p, '投票管理'),
  staffRound: (p) => openRound(p, LAST_ROUND),
  staffRoundEdit: async (p) => {
    await openTool(p, '投票管理');
    await tapButton(p, '发起投票');
  },
  staffPaperBallot: async (p) => {
    await startVotingRound();
    await openRound(p, VOTING);
    await tapButton(p, '录入纸质选票');
  },
  staffProjectEdit: openProject,
  staffMilestoneEdit: async (p) => {
    await openProject(p);
    await tapButton(p, '添加节点');
  },
  staffDashboard: (p) => openTool(p, '数据看板'),
  staffExports: (p) => openTool(p, '数据导出'),
  staffAudit: (p) => openTool(p, '操作记录'),
};

const PACKAGED = (Object.keys(ROUTES) as RouteName[]).filter((r) =>
  /^packages\/(staff|leader)\//.test(ROUTES[r]),
);

test('every page of the staff and leader packages has a way there by taps', () => {
  expect(PACKAGED.filter((route) => !PATHS[route])).toEqual([]);
});

test.each(PACKAGED)('%s is reached from 我的 by taps', async (route) => {
  await h.restart(staff);
  await PATHS[route]?.(staff);
  await arrivedAt(staff, route);
});

test('活动管理 → an ended event → 参与者与时长 → staff confirm the hours of an event they do not lead', async () => {
  await h.restart(staff);
  await openEvent(staff, '已结束', ENDED);
  await act(staff, '参与者与时长');
  const row = front(staff).getByTestId('participant').filter({ hasText: '李强' });
  await row.getByText('建议时长 175 分钟').waitFor();
  await tapButton(staff, '全部确认时长并发放积分');
  await confirmModal(staff);
  await row.getByText('已确认 175 分钟 · 2 积分').waitFor();
});

test('the 导出名单 of an event makes its table, ready to save', async () => {
  await h.restart(staff);
  await openEvent(staff, '已结束', ENDED);
  await act(staff, '导出名单');
  await tapButton(staff, '生成表格');
  await front(staff).getByTestId('export-ready').getByText('共 1 行').waitFor();
  await front(staff).getByTestId('export-row').filter({ hasText: '李强' }).waitFor();
  const [download] = await Promise.all([staff.waitForEvent('download'), tapButton(staff, '保存为表格文件')]);
  expect(download.suggestedFilename()).toBe(`签到名单-${ENDED}.csv`);
});

test('a resident closes their account; the app starts over and the same phone is a new resident', async () => {
  const page = await h.openAs('demo-resident-sun');
  const before = userIdForOpenid('demo-resident-sun');
  await tapTab(page, '我的');
  await front(page).getByTestId('me-nickname').getByText('孙阿姨').waitFor();
  await tapCell(page, '隐私与数据');
  await front(page).getByTestId('privacy-profile').getByText('昵称').waitFor();
  await front(page).getByTestId('privacy-sections').getByText('发布的微心愿').waitFor();
  await tapButton(page, '注销我的账号');
  await confirmModal(page);
  await front(page).locator('.hero').waitFor();
  await tapTab(page, '我的');
  await front(page)
    .getByTestId('me-nickname')
    .getByText(/^邻居\d{4}$/)
    .waitFor();

  const closed = await findById<UserFields>(h.cloud.deps.db, USERS, before);
  expect(closed).toMatchObject({ nickname: CLOSED_ACCOUNT_NAME, openid: null });
  const fresh = await findById<UserFields>(h.cloud.deps.db, USERS, userIdForOpenid('demo-resident-sun', 1));
  expect(fresh?.openid).toBe('demo-resident-sun');
  expect(fresh?.roles).toEqual(['resident']);
  await page.context().close();
});
