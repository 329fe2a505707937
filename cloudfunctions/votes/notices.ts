/**
 * Every message 百姓点菜 sends, and the pages they open, in one place. Each is queued in the
 * transaction of its change (runtime/notifications.ts); a `key` makes it once-only where a retry
 * or a job re-run could repeat it. None of them asks anyone to share or to vote.
 */
import { pageUrl } from '../../core/routes';
import { formatDateTime } from '../../core/time';
import type { Notification } from '../runtime/ports';
import type { ProposalDoc, RoundDoc, ProjectDoc } from './store';

export const VOTE_PAGES = {
  proposal: (id: string) => pageUrl('voteProposal', { id }),
  round: (id: string) => pageUrl('voteRound', { id }),
  project: (id: string) => pageUrl('voteProject', { id }),
};

const titlesOf = (round: RoundDoc, proposalIds: readonly string[]) =>
  proposalIds.map((id) => round.menu.find((m) => m.proposalId === id)?.title ?? '').join('、');

export const notices = {
  screened(p: ProposalDoc, accepted: boolean, reason: string): Notification {
    return {
      userId: p.authorId,
      template: 'proposal_screened',
      title: accepted ? '您的提议已进入需求清单' : '您的提议未被采纳',
      body: accepted ? `「${p.title}」已通过审核，邻居们可以附议了。` : `「${p.title}」：${reason}`,
      page: VOTE_PAGES.proposal(p._id),
      key: `proposal_screened_${p._id}`,
    };
  },
  merged(source: ProposalDoc, target: ProposalDoc): Notification {
    return {
      userId: source.authorId,
      template: 'proposal_screened',
      title: '您的提议已合并',
      body: `「${source.title}」与「${target.title}」内容相近，已合并，附议一并计入。`,
      page: VOTE_PAGES.proposal(target._id),
      key: `proposal_merged_${source._id}`,
    };
  },
  ballotRecorded(round: RoundDoc, userId: string, choices: readonly string[], paper: boolean): Notification {
    return {
      userId,
      template: 'ballot_recorded',
      title: '您的选票已记录',
      body: `「${round.title}」${paper ? '（纸质选票，工作人员代录）' : ''}：${titlesOf(round, choices)}`,
      page: VOTE_PAGES.round(round._id),
      key: `ballot_${round._id}_${userId}`,
    };
  },
  resultsPublished(round: RoundDoc, userId: string, winnerIds: readonly string[]): Notification {
    return {
      userId,
      template: 'round_results',
      title: '投票结果公示',
      body: `「${round.title}」入选：${titlesOf(round, winnerIds) || '无'}。公示至${formatDateTime(round.publicityEndsAt ?? 0)}，如有异议可在公示期内提出。`,
      page: VOTE_PAGES.round(round._id),
      key: `round_published_${round._id}_${userId}`,
    };
  },
  resultsFinal(round: RoundDoc, userId: string, winnerIds: readonly string[]): Notification {
    return {
      userId,
      template: 'round_results',
      title: '投票结果已确定',
      body: `「${round.title}」最终入选：${titlesOf(round, winnerIds) || '无'}。`,
      page: VOTE_PAGES.round(round._id),
      key: `round_final_${round._id}_${userId}`,
    };
  },
  objectionAnswered(
    round: RoundDoc | null,
    userId: string,
    objectionId: string,
    answer: string,
  ): Notification {
    return {
      userId,
      template: 'objection_answered',
      title: '您的异议已答复',
      body: `「${round?.title ?? ''}」：${answer}`,
      page: round ? VOTE_PAGES.round(round._id) : '',
      key: `objection_answered_${objectionId}`,
    };
  },
  projectCompleted(project: ProjectDoc, userId: string): Notification {
    return {
      userId,
      template: 'project_completed',
      title: '微实事项目已完成',
      body: `「${project.title}」已完成，欢迎为项目打分评价。`,
      page: VOTE_PAGES.project(project._id),
      key: `project_completed_${project._id}_${userId}`,
    };
  },
};
