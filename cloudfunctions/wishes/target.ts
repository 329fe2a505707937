/** How moderation sees a wish: its public text, and how to take it off the wall. */
import { isPublicWish } from '../../core/domain/wishes';
import type { ModerationTarget } from '../moderation/targets';
import { endClaim, tell } from './lifecycle';
import { SYSTEM, findWish, saveWish, stateOf } from './store';

export const wishTarget: ModerationTarget = {
  kind: 'wish',

  async load(source, id) {
    const wish = await findWish(source, id);
    if (!wish) return null;
    // The public text only: the recipient's contact never reaches a report.
    return {
      title: wish.title,
      excerpt: wish.story.slice(0, 80),
      authorId: wish.postedBy,
      isPublic: isPublicWish(stateOf(wish)),
      hidden: wish.hidden,
      photos: [...wish.photos, ...(wish.fulfilment?.photos ?? [])],
    };
  },

  /**
   * Off the wall and out of reach of new claims; a member working on it is let go (their claim
   * guard frees the place). A wish already fulfilled keeps its claim: the help was given, and the
   * recipient may still confirm it. Hiding twice changes nothing. Moderation audits who hid it.
   */
  async hide(tx, id, reason, now) {
    const wish = await findWish(tx, id);
    if (!wish || wish.hidden) return;
    const released =
      wish.status === 'claimed' ? await endClaim(tx, wish, { kind: 'hidden', reason, by: SYSTEM }, now) : {};
    await tell(
      tx,
      wish,
      wish.postedBy,
      {
        template: 'wish_hidden',
        title: `心愿已被屏蔽：${wish.title}`,
        body: `原因：${reason}`,
        key: `wish_hidden_${id}`,
      },
      now,
    );
    await saveWish(tx, {
      ...wish,
      ...released,
      hidden: true,
      hiddenReason: reason,
      hiddenAt: now,
      updatedAt: now,
    });
  },

  /** Back on the wall as it was; a claim the hiding ended stays ended (the member was told). */
  async restore(tx, id, now) {
    const wish = await findWish(tx, id);
    if (!wish || !wish.hidden) return;
    await saveWish(tx, { ...wish, hidden: false, hiddenReason: '', hiddenAt: null, updatedAt: now });
  },
};
