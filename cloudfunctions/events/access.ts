import { mayRunEvent } from '../../core/domain/events';
import { AppError } from '../../core/errors';
import type { HandlerContext } from '../runtime/context';
import type { DocReader } from '../runtime/db';
import { findEvent, type EventDoc } from './store';

/** Staff run every event; a volunteer only the ones they lead. */
export function assertLeads(event: EventDoc, ctx: Pick<HandlerContext, 'roles' | 'caller'>): void {
  if (!mayRunEvent(ctx.roles, event.leaderIds, ctx.caller._id)) throw new AppError('NOT_LEADER');
}

/** The event, if it exists and the caller may run it. */
export async function findLedEvent(
  source: DocReader,
  eventId: string,
  ctx: Pick<HandlerContext, 'roles' | 'caller'>,
): Promise<EventDoc> {
  const event = await findEvent(source, eventId);
  if (!event) throw new AppError('NOT_FOUND');
  assertLeads(event, ctx);
  return event;
}
