/**
 * The 百姓点菜 journey (issue #11): a resident proposes a need, staff accept it, neighbours 附议 it,
 * staff open a round with it on the menu, three residents vote online and staff record one paper
 * ballot, the round closes and the results chart shows, an objection is answered in the 公示, and
 * after it staff turn the winner into a 微实事 project, post a milestone, link an event and
 * complete it; a voter rates it. The server's clock is moved and the votes jobs run between steps.
 */
import type { Page } from 'playwright-core';
import { CLOSE_GRACE_MS } from '../../core/domain/voting';
import { MINUTE_MS } from '../../core/time';
import { findAll } from '../../cloudfunctions/runtime/db';
import { votesJobs } from '../../cloudfunctions/votes/jobs';
import { BALLOTS, ROUNDS, type BallotFields, type RoundFields } from '../../cloudfunctions/votes/store';
import {
  confirmModal,
  fillField,
  front,
  goBack,
  type Harness,
  openTool,
  settle,
  startHarness,
  switchUser,
  tapButton,
} from './harness';

const NEED = '小区增设智能快递柜';
const LIGHTS = '楼道感应灯更换';
const BENCH = '东门广场加装休息座椅';

let h: Harness;
let page: Page;
let ledgerRows = 0;

beforeAll(async () => {
  h = await startHarness();
  ledgerRows = (await findAll(h.cloud.deps.db.collection('point_entries'))).length;
  page = await h.openAs('demo-resident-zhou');
});

afterAll(async () => h?.stop());

/** Start over on the home page as another demo user. */
async function as(openid: string) {
  await h.restart(page);
  await switchUser(page, openid);
}

async function openVotes() {
  await page.getByTestId('entry-votes').click();
  await front(page).getByTestId('proposal-list').waitFor();
}

/** The votes jobs, as their timer triggers would run them, on the harness's cloud. */
async function runVotesJobs() {
  for (const job of votesJobs) await job.run(h.cloud.deps);
}

async function theRound(): Promise<RoundFields & { _id: string }> {
  const rounds = await findAll<RoundFields>(
    h.cloud.deps.db.collection(ROUNDS).where({ title: '2027年春季百姓点菜' }),
  );
  expect(rounds).toHaveLength(1);
  return rounds[0];
}

/** Open a field's picker (date, time or option) and confirm what it suggests. */
async function pickSuggested(testId: string) {
  await front(page).getByTestId(testId).click();
  await page.locator('.nut-picker-confirm-btn:visible').click();
  await page.locator('.nut-picker-confirm-btn:visible').waitFor({ state: 'hidden' });
}

function field(label: string) {
  return front(page).locator('.llt-field', { hasText: label });
}

async function vote(openid: string, choices: string[]) {
  await as(openid);
  await openVotes();
  await front(page).getByTestId('current-round').locator('.nut-button', { hasText: '去投票' }).click();
  for (const title of choices)
    await front(page).getByTestId('ballot-item').filter({ hasText: title }).click();
  await front(page).getByTestId('ballot-tally').getByText(`已选 ${choices.length}/2 项`).waitFor();
  await tapButton(page, '提交选票');
  await confirmModal(page);
  const receipt = front(page).getByTestId('ballot-receipt');
  await receipt.getByText('您的选票已记录').waitFor();
  for (const title of choices) await receipt.getByText(title).waitFor();
}

test('a resident proposes, staff accept, neighbours 附议 until it may go on a menu', async () => {
  await openVotes();
  await tapButton(page, '我要提需求');
  await fillField(page, 'title', NEED);
  await field('需求描述')
    .locator('textarea')
    .fill('快递经常堆在门卫室，老人取件不方便，希望在小区里增设一组智能快递柜。');
  await field('类别').getByText('安全').click();
  await fillField(page, 'estimatedCost', '9000');
  await fillField(page, 'location', '北门');
  await tapButton(page, '提交');
  await front(page).getByTestId('proposal-meta').waitFor();
  await front(page).getByText('等待社区工作人员审核，通过后进入需求清单。').waitFor();

  await as('demo-staff-wang');
  await openTool(page, '提议初审');
  const card = front(page).getByTestId('staff-proposal').filter({ hasText: NEED });
  await card.getByText('北门', { exact: false }).waitFor();
  await card.getByRole('button', { name: '采纳', exact: true }).click();
  await card.waitFor({ state: 'detached' });

  // The demo's threshold is 3 supports.
  for (const neighbour of ['demo-resident-sun', 'demo-volunteer-li', 'demo-volunteer-zhao']) {
    await as(neighbour);
    await openVotes();
    const row = front(page).getByTestId('proposal').filter({ hasText: NEED });
    await row.locator('.nut-button', { hasText: '附议' }).click();
    await row.getByText('已附议').waitFor();
  }
  await front(page).getByTestId('proposal').filter({ hasText: NEED }).click();
  await front(page).getByTestId('proposal-supports').getByText('附议 3 人').waitFor();
  await front(page).getByText('已达到 3 人的附议门槛，可列入投票菜单').waitFor();
});

test('staff open a round: the menu from ready proposals, times, approval of 2', async () => {
  await as('demo-staff-wang');
  await openTool(page, '投票管理');
  await tapButton(page, '发起投票');
  await fillField(page, 'title', '2027年春季百姓点菜');
  await pickSuggested('picker-startAt');
  await pickSuggested('picker-endAt');
  await fillField(page, 'maxChoices', '2');
  for (const title of [NEED, LIGHTS, BENCH]) {
    await front(page).getByTestId('menu-choice').filter({ hasText: title }).getByText(title).click();
  }
  await front(page).getByText('投票菜单（已选 3 项）').waitFor();
  await tapButton(page, '发起投票');
  await front(page).getByText('即将开始').waitFor();
  await front(page).locator('.nut-button', { hasText: '编辑' }).waitFor();

  const round = await theRound();
  expect(round.menu.map((m) => m.title).sort()).toEqual([NEED, LIGHTS, BENCH].sort());
  expect(round.rule).toEqual({ kind: 'approval', maxChoices: 2 });
  expect(round.endAt - round.startAt).toBe(7 * 24 * 60 * MINUTE_MS);
});

test('three residents vote online, staff record a paper ballot; the ballot is final', async () => {
  const round = await theRound();
  h.clock.set(round.startAt + MINUTE_MS);
  await vote('demo-resident-zhou', [NEED, LIGHTS]);
  await vote('demo-resident-sun', [NEED]);
  await vote('demo-volunteer-li', [NEED, BENCH]);
  // The ballot cannot be cast again: the page shows the receipt and no ballot.
  expect(await front(page).getByTestId('ballot').count()).toBe(0);
  // Back on the 点菜 home (it reads again when shown): the round offers 查看详情, not 去投票,
  // with the voter's ballot under it.
  await goBack(page);
  const current = front(page).getByTestId('current-round');
  await current.locator('.nut-button', { hasText: '查看详情' }).waitFor();
  expect(await current.locator('.nut-button', { hasText: '去投票' }).count()).toBe(0);
  await front(page).getByTestId('ballot-receipt').getByText(BENCH).waitFor();

  await as('demo-staff-wang');
  await openTool(page, '投票管理');
  await front(page).getByTestId('staff-round').filter({ hasText: '2027年春季百姓点菜' }).click();
  await tapButton(page, '录入纸质选票');
  await front(page)
    .getByTestId('ballot-resident')
    .filter({ hasText: '张桂英' })
    .locator('.nut-button')
    .click();
  for (const title of [NEED, LIGHTS]) {
    await front(page).getByTestId('ballot-item').filter({ hasText: title }).click();
  }
  await tapButton(page, '录入选票');
  await confirmModal(page);
  await front(page).getByTestId('paper-receipt').getByText('由王芳代录').waitFor();

  const ballots = await findAll<BallotFields>(
    h.cloud.deps.db.collection(BALLOTS).where({ roundId: round._id }),
  );
  expect(ballots.map((b) => b.channel).sort()).toEqual(['online', 'online', 'online', 'paper']);
});

test('the round closes: the results chart, turnout online vs paper, the winners and the rule', async () => {
  const round = await theRound();
  h.clock.set(round.endAt + CLOSE_GRACE_MS);
  await runVotesJobs();

  await as('demo-resident-zhou');
  await openVotes();
  await front(page).getByTestId('current-round').locator('.nut-button', { hasText: '查看详情' }).click();
  const results = front(page).getByTestId('results');
  await results.getByText('公示中').waitFor();
  const rows = results.getByTestId('vote-chart-row');
  await expect(rows.allTextContents()).resolves.toEqual([
    expect.stringMatching(new RegExp(`^1\\. ${NEED}入选.*4 票$`)),
    expect.stringMatching(new RegExp(`^2\\. ${LIGHTS}入选.*2 票$`)),
    expect.stringMatching(new RegExp(`^3\\. ${BENCH}未入选.*1 票$`)),
  ]);
  const widths = await results
    .getByTestId('vote-chart-bar')
    .evaluateAll((bars) => bars.map((bar) => (bar as HTMLElement).style.width));
  expect(widths).toEqual(['100%', '50%', '25%']);
  await results.getByTestId('turnout').getByText('线上 3 票 · 纸质 1 票').waitFor();
  await results.getByTestId('winners').getByText(`入选：${NEED}、${LIGHTS}`).waitFor();
  await front(page).getByTestId('rule-text').getByText('每人最多选2项', { exact: false }).waitFor();

  // An objection in the 公示, answered publicly by staff.
  await tapButton(page, '提出异议');
  await page.getByTestId('prompt-input').locator('textarea').fill('纸质选票是怎么核对身份的？');
  await page.locator('.nut-dialog-footer .nut-button', { hasText: '提交' }).click();
  await front(page).getByTestId('objection').getByText('待答复').waitFor();

  await as('demo-staff-wang');
  await openTool(page, '投票管理');
  await front(page).getByTestId('staff-round').filter({ hasText: '2027年春季百姓点菜' }).click();
  const objection = front(page).getByTestId('staff-objection').filter({ hasText: '纸质选票' });
  await objection.locator('.nut-button', { hasText: '答复' }).click();
  await page
    .getByTestId('prompt-input')
    .locator('textarea')
    .fill('由工作人员当面核对登记信息后代录，并留存记录。');
  await page.locator('.nut-dialog-footer .nut-button', { hasText: '答复' }).click();
  await objection.getByText('已答复：由工作人员当面核对登记信息后代录，并留存记录。').waitFor();
});

test('after the 公示 staff create the project, post a milestone, link an event and complete it', async () => {
  const round = await theRound();
  h.clock.set((round.publicityEndsAt ?? 0) + CLOSE_GRACE_MS);
  await runVotesJobs();
  expect((await theRound()).finalizedAt).not.toBeNull();

  await as('demo-staff-wang');
  await openTool(page, '投票管理');
  await front(page).getByTestId('staff-round').filter({ hasText: '2027年春季百姓点菜' }).click();
  await front(page)
    .getByTestId('projectable')
    .locator('.list-item', { hasText: NEED })
    .locator('.nut-button')
    .click();
  await fillField(page, 'organisation', '幸福里物业服务中心');
  await pickSuggested('picker-plannedStartAt');
  await pickSuggested('picker-plannedEndAt');
  await tapButton(page, '立项');
  await front(page).getByTestId('staff-milestones').waitFor();

  await tapButton(page, '添加节点');
  await fillField(page, 'title', '快递柜安装');
  await pickSuggested('picker-date');
  await fillField(page, 'progress', '60');
  await fillField(page, 'spent', '5000');
  await tapButton(page, '保存节点');
  await front(page).getByTestId('staff-milestone').filter({ hasText: '快递柜安装' }).waitFor();

  // A 微实事项目 event of this project, from the project's page.
  await tapButton(page, '发布关联活动');
  await front(page).getByTestId('select-projectId').getByText(NEED).waitFor();
  await fillField(page, 'title', '快递柜启用引导志愿服务');
  await fillField(page, 'place', '北门快递柜');
  await pickSuggested('picker-startAt');
  await pickSuggested('picker-endAt');
  await pickSuggested('picker-signupDeadline');
  await tapButton(page, '发布');
  await confirmModal(page);
  await front(page).getByTestId('staff-project-events').getByText('快递柜启用引导志愿服务').waitFor();

  await settle(page);
  await tapButton(page, '项目完成');
  await confirmModal(page);
  await front(page).getByText('项目已完成，不能再修改。').waitFor();
  await runVotesJobs();
});

test('a voter rates the completed project once; the page shows the average and the count', async () => {
  await as('demo-volunteer-li');
  await openVotes();
  await tapButton(page, '微实事项目');
  await front(page).getByTestId('project').filter({ hasText: NEED }).click();
  await front(page).getByTestId('project-header').getByText('已完成').waitFor();
  await front(page).getByTestId('progress').getByText('进度 100%').waitFor();
  await front(page).getByTestId('money').getByText('预算 9000元 · 已支出 5000元').waitFor();
  await front(page).getByTestId('milestone').filter({ hasText: '快递柜安装' }).waitFor();
  await front(page).getByTestId('project-event').filter({ hasText: '快递柜启用引导志愿服务' }).waitFor();

  await front(page).getByTestId('score-4').click();
  await field('评价').locator('textarea').fill('取件方便多了');
  await tapButton(page, '提交评价');
  await confirmModal(page);
  await front(page).getByTestId('rating-summary').getByText('平均 4 分 · 1 人评价').waitFor();
  await front(page).getByTestId('my-rating').getByText('我的评价：4 分（满意）', { exact: false }).waitFor();
  expect(await front(page).getByTestId('rate-form').count()).toBe(0);

  // Proposing, supporting and voting earned nobody anything.
  expect((await findAll(h.cloud.deps.db.collection('point_entries'))).length).toBe(ledgerRows);
});
