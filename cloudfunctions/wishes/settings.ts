/** Staff settings: the claim limit per member and the points a fulfilled wish earns. */
import { recordAudit } from '../runtime/audit';
import { inTransaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { loadWishSettings, saveWishSettings } from './store';

export const settings: Handler<'wishes', 'settings'> = async (_input, ctx) => loadWishSettings(ctx.db);

export const saveSettings: Handler<'wishes', 'saveSettings'> = async (input, ctx) => {
  const saved = { claimLimit: input.claimLimit, points: input.points };
  await inTransaction(ctx.db, async (tx) => {
    await saveWishSettings(tx, saved);
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'wish.settings',
      targetId: 'wishes',
      detail: `认领上限 ${saved.claimLimit}，积分 ${saved.points}`,
      at: ctx.now,
    });
  });
  return saved;
};
