/**
 * 关怀模式 to the 适老化 rules, measured on every page of the app (issue #12): each page of the
 * main package and of the staff, leader, wishes and votes subpackages, opened in the demo
 * community as someone who may see it, on a 320 px wide phone —
 * - in 关怀模式: all text ≥ 18 px and ≥ 4.5:1, every tap target ≥ 60 × 60 px;
 * - in normal mode: every tap target ≥ 44 × 44 px, text ≥ 4.5:1;
 * - in both: nothing past the right edge, no short label leaving one character alone on a line.
 * A failure names the page, the rule, the element and what it measured (tests/e2e/audit.ts).
 */
import type { Page } from 'playwright-core';
import { ROUTES, pageUrl, type RouteName } from '../../core/routes';
import { CARE_RULES } from '../../src/theme/care';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { auditPage, type AuditRules } from './audit';
import { front, showPage, startHarness, type Harness } from './harness';

/** Who opens a page: a party member and volunteer (most pages), a new resident (the forms), staff. */
const ZHAO = 'demo-volunteer-zhao';
const ZHOU = 'demo-resident-zhou';
const STAFF = 'demo-staff-wang';

interface Visit {
  route: RouteName;
  as: string;
  params?: Record<string, string>;
}

/** Content made once the demo is running, named `$order` in the list below. */
const made: Record<string, string> = {};

/** Every page with the person who may open it; the parameters name the demo's own content. */
function visits(): Visit[] {
  const event = { id: 'e-demo-stairs' };
  return [
    { route: 'home', as: ZHAO },
    { route: 'events', as: ZHAO },
    { route: 'points', as: ZHAO },
    { route: 'me', as: ZHAO },
    { route: 'profile', as: ZHOU },
    { route: 'volunteer', as: ZHOU },
    { route: 'party', as: ZHOU },
    { route: 'messages', as: ZHAO },
    { route: 'history', as: ZHAO },
    { route: 'ranking', as: ZHAO },
    { route: 'goods', as: ZHAO, params: { id: 'g-demo-eggs' } },
    { route: 'orders', as: ZHAO },
    { route: 'order', as: ZHAO, params: { id: '$order' } },
    { route: 'eventDetail', as: ZHAO, params: event },
    { route: 'myEvents', as: ZHAO },
    { route: 'scan', as: ZHAO },
    { route: 'record', as: ZHAO },
    { route: 'certificate', as: ZHAO },
    { route: 'card', as: ZHAO },
    { route: 'privacy', as: ZHAO },
    { route: 'votes', as: ZHAO },
    { route: 'votePropose', as: ZHAO },
    { route: 'voteProposal', as: ZHAO, params: { id: 'p-demo-mat' } },
    { route: 'voteMine', as: ZHAO },
    { route: 'voteRounds', as: ZHAO },
    { route: 'voteRound', as: ZHAO, params: { id: 'r-demo-autumn' } },
    { route: 'voteProjects', as: ZHAO },
    { route: 'voteProject', as: ZHAO, params: { id: 'pj_p-demo-shelter' } },
    { route: 'wishWall', as: ZHAO },
    { route: 'wishDetail', as: ZHAO, params: { id: 'w-demo-checkup' } },
    { route: 'wishPost', as: ZHAO },
    { route: 'myWishes', as: ZHAO },
    { route: 'claimedWishes', as: ZHAO },
    { route: 'partyRecord', as: ZHAO },
    { route: 'leaderCode', as: ZHAO, params: event },
    { route: 'leaderParticipants', as: ZHAO, params: event },
    { route: 'staffWorkbench', as: STAFF },
    { route: 'staffApplications', as: STAFF },
    { route: 'staffResidents', as: STAFF },
    { route: 'staffPickup', as: STAFF },
    { route: 'staffGoods', as: STAFF },
    { route: 'staffGoodsEdit', as: STAFF, params: { id: 'g-demo-eggs' } },
    { route: 'staffAdjust', as: STAFF, params: { userId: userIdForOpenid(ZHOU) } },
    { route: 'staffDonors', as: STAFF },
    { route: 'staffEvents', as: STAFF },
    { route: 'staffEventEdit', as: STAFF, params: event },
    { route: 'staffEventHub', as: STAFF, params: event },
    { route: 'staffProposals', as: STAFF },
    { route: 'staffVotingSettings', as: STAFF },
    { route: 'staffRounds', as: STAFF },
    { route: 'staffRound', as: STAFF, params: { id: 'r-demo-autumn' } },
    { route: 'staffRoundEdit', as: STAFF },
    { route: 'staffPaperBallot', as: STAFF, params: { roundId: 'r-demo-autumn' } },
    { route: 'staffProjectEdit', as: STAFF, params: { id: 'pj_p-demo-shelter' } },
    { route: 'staffMilestoneEdit', as: STAFF, params: { projectId: 'pj_p-demo-shelter' } },
    { route: 'staffWishBoard', as: STAFF },
    { route: 'staffWishReview', as: STAFF },
    { route: 'staffWishEdit', as: STAFF, params: { id: 'w-demo-lamp' } },
    { route: 'staffWishPostFor', as: STAFF },
    { route: 'staffWishSettings', as: STAFF },
    { route: 'staffReports', as: STAFF },
    { route: 'staffPartyRecords', as: STAFF },
    { route: 'staffDashboard', as: STAFF },
    { route: 'staffExports', as: STAFF },
    { route: 'staffAudit', as: STAFF },
  ];
}

const CARE: AuditRules = {
  minText: CARE_RULES.minText,
  minTap: CARE_RULES.minTap,
  minContrast: CARE_RULES.minContrast,
};
const NORMAL: AuditRules = {
  minText: null,
  minTap: CARE_RULES.minTapNormal,
  minContrast: CARE_RULES.minContrast,
};
/** The narrowest phones WeChat runs on (iPhone SE 1st gen, small Android phones). */
const NARROW = { width: 320, height: 640 };

let h: Harness;
const pages = new Map<string, Page>();

async function invoke(openid: string, fn: string, action: string, input: object) {
  const res = await h.cloud.invoke(fn, { action, input }, openid);
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.message}`);
  return res.data as { id: string };
}

/** A phone for `openid` with 关怀模式 on or off on their profile (login applies it). */
async function phoneFor(openid: string, care: boolean): Promise<Page> {
  const key = `${openid}-${care}`;
  const known = pages.get(key);
  if (known) return known;
  await invoke(openid, 'user', 'setCareMode', { enabled: care });
  const page = await h.openAs(openid);
  await page.setViewportSize(NARROW);
  pages.set(key, page);
  return page;
}

/** Open a visit's page, with the content made for it. */
async function show(page: Page, visit: Visit) {
  const params = Object.fromEntries(
    Object.entries(visit.params ?? {}).map(([key, value]) => [
      key,
      value.startsWith('$') ? made[value.slice(1)] : value,
    ]),
  );
  await showPage(page, h.baseUrl, pageUrl(visit.route, params as never));
}

beforeAll(async () => {
  h = await startHarness();
  // Something of Zhao's on every page: a seat, an order, the message it brings.
  await invoke(ZHAO, 'events', 'signUp', { eventId: 'e-demo-stairs' });
  made.order = (
    await invoke(ZHAO, 'mall', 'redeem', { goodsId: 'g-demo-eggs', quantity: 1, requestId: 'care-e2e-order' })
  ).id;
}, 120_000);

afterAll(async () => h?.stop());

test('every page of the app is measured (a new page needs a line here)', () => {
  const measured = new Set(visits().map((v) => v.route));
  const all = (Object.keys(ROUTES) as RouteName[]).filter(
    (route) => !ROUTES[route].startsWith('packages/dev/'),
  );
  expect(all.filter((route) => !measured.has(route))).toEqual([]);
});

describe.each([
  ['关怀模式', true, CARE],
  ['normal mode', false, NORMAL],
] as const)('%s at 320 px', (_mode, care, rules) => {
  test.each(visits().map((v) => [v.route, v] as const))('%s', async (_route, visit) => {
    const page = await phoneFor(visit.as, care);
    await show(page, visit);
    const careShown = await front(page).evaluate((el) => Boolean(el.querySelector('.page--care')));
    expect(careShown).toBe(care);
    expect(await auditPage(page, rules)).toEqual([]);
  });
});
