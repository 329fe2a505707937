import { AppError } from '../../core/errors';
import type { HandlerContext } from '../runtime/context';
import type { EventDoc } from './store';

/** Staff run every event; a volunteer only the ones they lead. */
export function assertLeads(event: EventDoc, ctx: Pick<HandlerContext, 'roles' | 'caller'>): void {
  if (ctx.roles.includes('staff') || event.leaderIds.includes(ctx.caller._id)) return;
  throw new AppError('NOT_LEADER');
}

export function displayName(user: { realName: string; nickname: string }): string {
  return user.realName || user.nickname;
}
