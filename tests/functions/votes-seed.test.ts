/** The demo's 百姓点菜 content is what the rules say: a 需求清单, a final round, a project under way. */
import { seedDemoCommunity } from '../../server/seed';
import { startTestCloud } from '../support/test-cloud';

test('the demo seeds a 需求清单, a final budget round and a project with a milestone ahead', async () => {
  const cloud = startTestCloud();
  try {
    await seedDemoCommunity(cloud.deps);
    const list = await cloud.ok('demo-resident-zhou', 'votes', 'proposals', {});
    expect(list.next).toBeNull();
    expect(list.items.map((p) => [p.title, p.stage, p.supportCount])).toEqual([
      ['每月一次广场电影', 'collecting', 1],
      ['楼道感应灯更换', 'menu_ready', 5],
      ['儿童游乐区铺设防滑地垫', 'menu_ready', 3],
      ['东门广场加装休息座椅', 'menu_ready', 4],
      ['篮球场重新划线修补', 'selected', 3],
      ['老年食堂增加送餐服务', 'not_selected', 3],
      ['垃圾分类亭加装雨棚', 'in_project', 4],
    ]);
    const pending = await cloud.ok('demo-staff-wang', 'votes', 'pendingProposals', {});
    expect(pending.items.map((p) => p.title)).toEqual(['2号楼车棚增设电动车充电桩']);

    const { items: rounds, current } = await cloud.ok('demo-resident-zhou', 'votes', 'rounds', {});
    expect(current).toBeNull();
    const round = await cloud.ok('demo-staff-wang', 'votes', 'round', { roundId: rounds[0].id });
    expect(round).toMatchObject({ phase: 'final', projectableIds: ['p-demo-court'] });
    expect(round.results).toMatchObject({
      ballots: 9,
      onlineBallots: 7,
      paperBallots: 2,
      eligibleCount: 9,
      budgetUsed: 17000,
    });
    expect(round.results?.items.map((i) => [i.title, i.votes, i.outcome])).toEqual([
      ['垃圾分类亭加装雨棚', 5, 'won'],
      ['老年食堂增加送餐服务', 4, 'not_fit'],
      ['篮球场重新划线修补', 3, 'won'],
    ]);
    expect(
      (await cloud.ok('demo-resident-zhou', 'votes', 'round', { roundId: round.id })).myBallot?.choices,
    ).toHaveLength(2);

    const {
      items: [project],
    } = await cloud.ok('demo-resident-zhou', 'votes', 'projects', {});
    expect(project).toMatchObject({ progress: 50, spent: 6000, budget: 12000, phase: 'in_progress' });
    const detail = await cloud.ok('demo-resident-zhou', 'votes', 'project', { projectId: project.id });
    expect(detail.milestones.map((m) => m.title)).toEqual(['方案设计与公示', '材料采购']);
    // Nothing from the seeded round is waiting to be sent.
    expect(await cloud.count('notifications')).toBe(0);
  } finally {
    cloud.close();
  }
});
