/** How moderation sees a proposal: its public text, and how to take it out of the 需求清单. */
import type { ModerationTarget } from '../moderation/targets';
import { queueNotification } from '../runtime/notifications';
import { VOTE_PAGES } from './notices';
import { findProposal, hideProposal, loadProposalForModeration, restoreProposal } from './store';

export const proposalTarget: ModerationTarget = {
  kind: 'proposal',
  load: loadProposalForModeration,

  /** Out of every public list; its author is told why. Hiding twice changes nothing. */
  async hide(tx, id, reason, now) {
    const proposal = await findProposal(tx, id);
    if (!(await hideProposal(tx, id, reason, now)) || !proposal) return;
    await queueNotification(
      tx,
      {
        userId: proposal.authorId,
        template: 'proposal_screened',
        title: `提议已被屏蔽：${proposal.title}`,
        body: `原因：${reason}`,
        page: VOTE_PAGES.proposal(id),
        key: `proposal_hidden_${id}`,
      },
      now,
    );
  },

  restore: restoreProposal,
};
