/**
 * What the home page shows, in one answer (`user.home`): an old phone on a slow network makes
 * one round trip for the whole first screen instead of one per section.
 */
import { z } from 'zod';
import { EventView } from './events';
import { GoodsView } from './mall';
import { RoundSummary } from './votes';
import { epochMs } from './define';
import { WishId } from './wishes';

/** How many of each the home page lists. */
export const HOME_LIMITS = { events: 3, goods: 4, wishes: 2 } as const;

export const HomeView = z.object({
  /** The caller's points, spendable now. */
  balance: z.number().int(),
  /** The caller's next event with a seat (under way or to come), soonest first; null when none. */
  nextEvent: EventView.nullable(),
  /** The next events on the calendar, soonest first (the caller's next one may be among them). */
  events: z.array(EventView).max(HOME_LIMITS.events),
  /** The newest goods on the shelf. */
  goods: z.array(GoodsView).max(HOME_LIMITS.goods),
  wishes: z.object({
    /** How many 微心愿 wait on the wall for someone to take them up. */
    open: z.number().int().nonnegative(),
    /** The newest of them. */
    latest: z
      .array(
        z.object({
          id: WishId,
          title: z.string(),
          categoryLabel: z.string(),
          /** `王** · 3栋`, as the wall names it. */
          recipient: z.string(),
          publishedAt: epochMs,
        }),
      )
      .max(HOME_LIMITS.wishes),
  }),
  /** The 百姓点菜 round the votes page leads with (voting now, next, or being counted); null when none. */
  round: RoundSummary.nullable(),
  unreadMessages: z.number().int().nonnegative(),
  /** Staff: everything waiting on the 社区工作台 (the badges' sum); null for everyone else. */
  workbenchWaiting: z.number().int().nonnegative().nullable(),
});
export type HomeView = z.infer<typeof HomeView>;
