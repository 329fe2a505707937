/**
 * 百姓点菜 in the demo community: a 需求清单 with supports (three ready for a menu, one still
 * collecting, one waiting for screening) and last season's round — counted, 公示 over, final —
 * whose winner is a 微实事 project under way, with a milestone still ahead. The round is counted by
 * the same code the job runs, so its results are what the rules say.
 */
import type { ProposalCategory } from '../core/domain/voting';
import type { Milestone } from '../core/domain/projects';
import { CLOSE_GRACE_MS } from '../core/domain/voting';
import { DAY_MS, HOUR_MS, type EpochMs } from '../core/time';
import { inTransaction, type Database, type Transaction } from '../cloudfunctions/runtime/db';
import { userIdForOpenid } from '../cloudfunctions/runtime/users';
import { closeRound, finalizeRound } from '../cloudfunctions/votes/results';
import {
  BALLOTS,
  PROJECTS,
  PROPOSALS,
  ROUNDS,
  SUPPORTS,
  findRound,
  NOT_YET_COUNTED,
  ids,
  menuItemOf,
  writeVotingSettings,
  type BallotFields,
  type ProjectFields,
  type ProposalFields,
  type RoundFields,
} from '../cloudfunctions/votes/store';

const u = (name: string) => (name.startsWith('m-') ? name : userIdForOpenid(`demo-${name}`));

interface DemoProposal {
  id: string;
  title: string;
  description: string;
  category: ProposalCategory;
  estimatedCost: number;
  location: string;
  author: string;
  authorName: string;
  supporters: string[];
  daysAgo: number;
  status?: 'pending';
}

const LISTED: DemoProposal[] = [
  {
    id: 'p-demo-bench',
    title: '东门广场加装休息座椅',
    description: '东门广场每天早晚很多老人散步、带孙子，却没有地方坐，希望加装几张带靠背的休息座椅。',
    category: 'elderly',
    estimatedCost: 8000,
    location: '东门广场',
    author: 'elder-wu',
    authorName: '吴奶奶',
    supporters: ['resident-zhou', 'resident-sun', 'volunteer-li', 'party-chen'],
    daysAgo: 12,
  },
  {
    id: 'p-demo-mat',
    title: '儿童游乐区铺设防滑地垫',
    description: '3号楼北侧的儿童游乐区是水泥地，孩子摔倒容易受伤，建议铺设安全防滑地垫。',
    category: 'children',
    estimatedCost: 15000,
    location: '3号楼北侧',
    author: 'resident-sun',
    authorName: '孙阿姨',
    supporters: ['resident-zhou', 'volunteer-zhao', 'elder-wu'],
    daysAgo: 9,
  },
  {
    id: 'p-demo-lights',
    title: '楼道感应灯更换',
    description: '1号楼到3号楼不少楼道的灯坏了或者不灵敏，晚上上下楼很不安全，希望统一更换感应灯。',
    category: 'safety',
    estimatedCost: 6000,
    location: '1-3号楼楼道',
    author: 'resident-zhou',
    authorName: '周邻居',
    supporters: ['volunteer-li', 'volunteer-zhao', 'party-chen', 'resident-sun', 'elder-wu'],
    daysAgo: 7,
  },
  {
    id: 'p-demo-movie',
    title: '每月一次广场电影',
    description: '夏天晚上在中心广场放一场露天电影，大人孩子都能参加，也让邻居们多认识认识。',
    category: 'culture',
    estimatedCost: 3000,
    location: '中心广场',
    author: 'volunteer-zhao',
    authorName: '赵小燕',
    supporters: ['party-chen'],
    daysAgo: 4,
  },
  {
    id: 'p-demo-charger',
    title: '2号楼车棚增设电动车充电桩',
    description: '不少居民把电动车推上楼充电，存在火灾隐患，建议在2号楼车棚增设集中充电桩。',
    category: 'safety',
    estimatedCost: 20000,
    location: '2号楼车棚',
    author: 'party-chen',
    authorName: '陈建国',
    supporters: [],
    daysAgo: 1,
    status: 'pending',
  },
];

/** Last season's menu: a budget of 2万元. */
const LAST_MENU: DemoProposal[] = [
  {
    id: 'p-demo-shelter',
    title: '垃圾分类亭加装雨棚',
    description: '下雨天倒垃圾要打伞，垃圾也容易被淋湿，希望给小区的三个垃圾分类亭加装雨棚。',
    category: 'environment',
    estimatedCost: 12000,
    location: '小区三处垃圾分类亭',
    author: 'volunteer-li',
    authorName: '李志愿',
    supporters: ['resident-zhou', 'resident-sun', 'party-chen', 'elder-wu'],
    daysAgo: 80,
  },
  {
    id: 'p-demo-canteen',
    title: '老年食堂增加送餐服务',
    description: '行动不便的老人去不了老年食堂，希望增加送餐上门服务，先从独居老人开始。',
    category: 'elderly',
    estimatedCost: 16000,
    location: '社区老年食堂',
    author: 'elder-wu',
    authorName: '吴奶奶',
    supporters: ['resident-zhou', 'party-chen', 'volunteer-zhao'],
    daysAgo: 78,
  },
  {
    id: 'p-demo-court',
    title: '篮球场重新划线修补',
    description: '篮球场的线已经看不清，地面也有几处裂缝，希望重新划线并修补地面。',
    category: 'culture',
    estimatedCost: 5000,
    location: '小区篮球场',
    author: 'party-chen',
    authorName: '陈建国',
    supporters: ['volunteer-li', 'volunteer-zhao', 'resident-zhou'],
    daysAgo: 75,
  },
];

/** Who chose what last season; the two managed residents voted on paper at the 社区 desk. */
const LAST_BALLOTS: [voter: string, choices: string[]][] = [
  ['volunteer-li', ['p-demo-shelter', 'p-demo-court']],
  ['volunteer-zhao', ['p-demo-shelter']],
  ['party-chen', ['p-demo-canteen']],
  ['resident-zhou', ['p-demo-shelter', 'p-demo-court']],
  ['resident-sun', ['p-demo-canteen']],
  ['elder-wu', ['p-demo-canteen']],
  ['staff-wang', ['p-demo-shelter']],
  ['m-demo-zhang', ['p-demo-canteen']],
  ['m-demo-liu', ['p-demo-shelter', 'p-demo-court']],
];

function proposalFields(
  p: DemoProposal,
  staffId: string,
  now: EpochMs,
  roundId: string | null,
): ProposalFields {
  const createdAt = now - p.daysAgo * DAY_MS;
  const decided = p.status !== 'pending';
  return {
    title: p.title,
    description: p.description,
    category: p.category,
    estimatedCost: p.estimatedCost,
    location: p.location,
    photos: [],
    authorId: u(p.author),
    authorName: p.authorName,
    status: decided ? 'accepted' : 'pending',
    decisionReason: '',
    decidedBy: decided ? staffId : null,
    decidedAt: decided ? createdAt + DAY_MS : null,
    mergedInto: null,
    supportIds: [p.id],
    roundId,
    hidden: false,
    hiddenReason: '',
    hiddenAt: null,
    createdAt,
    updatedAt: createdAt,
  };
}

async function writeProposal(
  tx: Transaction,
  p: DemoProposal,
  staffId: string,
  now: EpochMs,
  roundId: string | null,
) {
  const fields = proposalFields(p, staffId, now, roundId);
  await tx.collection(PROPOSALS).doc(p.id).set({ data: fields });
  for (const [i, supporter] of p.supporters.entries()) {
    const userId = u(supporter);
    await tx
      .collection(SUPPORTS)
      .doc(ids.support(p.id, userId))
      .set({ data: { proposalId: p.id, userId, createdAt: fields.createdAt + (i + 1) * HOUR_MS } });
  }
}

const ROUND_ID = 'r-demo-autumn';

function lastRound(staffId: string, now: EpochMs): RoundFields {
  const startAt = now - 45 * DAY_MS;
  return {
    title: '2026年秋季百姓点菜',
    description: '本轮预算2万元，请从菜单中选出您最希望先办的事。',
    menu: LAST_MENU.map((p) =>
      menuItemOf({ _id: p.id, ...proposalFields(p, staffId, now, ROUND_ID) }, p.supporters.length),
    ),
    rule: { kind: 'budget', budget: 20000 },
    eligibility: 'residents',
    liveResults: false,
    startAt,
    endAt: startAt + 7 * DAY_MS,
    publicityDays: 3,
    ...NOT_YET_COUNTED,
    // The demo starts after this round's messages would have gone out.
    publishedNoticeAt: now,
    finalNoticeAt: now,
    createdBy: staffId,
    createdAt: startAt - 3 * DAY_MS,
    updatedAt: startAt - 3 * DAY_MS,
  };
}

function shelterProject(staffId: string, now: EpochMs, createdAt: EpochMs): ProjectFields {
  const milestone = (
    id: string,
    title: string,
    days: number,
    progress: number,
    spent: number,
  ): Milestone => ({
    id,
    title,
    note: '',
    date: now + days * DAY_MS,
    progress,
    spent,
    photos: [],
  });
  return {
    roundId: ROUND_ID,
    proposalId: 'p-demo-shelter',
    title: '垃圾分类亭加装雨棚',
    description: LAST_MENU[0].description,
    organisation: '幸福里社工服务站',
    budget: 12000,
    plannedStartAt: now - 20 * DAY_MS,
    plannedEndAt: now + 30 * DAY_MS,
    photos: [],
    milestones: [
      milestone('ms-demo-design', '方案设计与公示', -25, 20, 800),
      milestone('ms-demo-buy', '材料采购', -10, 50, 5200),
      milestone('ms-demo-install', '雨棚安装', 10, 90, 5000),
      milestone('ms-demo-check', '竣工验收', 25, 100, 0),
    ],
    status: 'in_progress',
    completedAt: null,
    ratingInviteAt: null,
    inviteCursor: null,
    createdBy: staffId,
    createdAt,
    updatedAt: createdAt,
  };
}

/** Writes the voting demo content; called once, by seedDemoCommunity, after the users exist. */
export async function seedDemoVoting(db: Database, staffId: string, now: EpochMs): Promise<void> {
  const round = lastRound(staffId, now);
  await inTransaction(db, async (tx) => {
    await writeVotingSettings(tx, { supportThreshold: 3, publicityDays: 3 });
    for (const p of LISTED) await writeProposal(tx, p, staffId, now, null);
    for (const p of LAST_MENU) await writeProposal(tx, p, staffId, now, ROUND_ID);
    await tx.collection(ROUNDS).doc(ROUND_ID).set({ data: round });
    for (const [voter, choices] of LAST_BALLOTS) {
      const userId = u(voter);
      const paper = voter.startsWith('m-');
      const ballot: BallotFields = {
        roundId: ROUND_ID,
        userId,
        choices,
        totalCost: choices.reduce(
          (sum, id) => sum + (LAST_MENU.find((p) => p.id === id)?.estimatedCost ?? 0),
          0,
        ),
        channel: paper ? 'paper' : 'online',
        recordedBy: paper ? staffId : null,
        recordedByName: paper ? '王芳' : '',
        castAt: round.startAt + DAY_MS,
      };
      await tx.collection(BALLOTS).doc(ids.ballot(ROUND_ID, userId)).set({ data: ballot });
    }
  });
  await closeRound(db, ROUND_ID, round.endAt + CLOSE_GRACE_MS);
  const closed = await findRound(db, ROUND_ID);
  const finalAt = (closed?.publicityEndsAt ?? now) + CLOSE_GRACE_MS;
  await finalizeRound(db, ROUND_ID, finalAt);
  const project = shelterProject(staffId, now, finalAt + DAY_MS);
  await db.collection(PROJECTS).doc(ids.project('p-demo-shelter')).set({ data: project });
}
