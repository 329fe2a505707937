/** The community's resource list: 爱心商家 and 共建单位 who donate goods. */
import { randomBytes } from 'crypto';
import { AppError } from '../../core/errors';
import { assertCleanText } from '../runtime/content';
import { recordAudit } from '../runtime/audit';
import { findAll, findById, inTransaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { DONORS, pickupDays, savePickupDays, type DonorFields } from './store';
import { toDonorView } from './views';

export const listDonors: Handler<'mall', 'listDonors'> = async (_input, ctx) =>
  (await findAll<DonorFields>(ctx.db.collection(DONORS).orderBy('createdAt', 'asc'), 500)).map(toDonorView);

export const saveDonor: Handler<'mall', 'saveDonor'> = async (input, ctx) => {
  await assertCleanText(ctx, input.name);
  const fields = { name: input.name, kind: input.kind, contact: input.contact ?? '' };
  const donor = await inTransaction(ctx.db, async (tx) => {
    const audit = (action: 'mall.donor_create' | 'mall.donor_edit', targetId: string) =>
      recordAudit(tx, { actorId: ctx.caller._id, action, targetId, detail: fields.name, at: ctx.now });
    if (input.donorId) {
      const found = await findById<DonorFields>(tx, DONORS, input.donorId);
      if (!found) throw new AppError('NOT_FOUND');
      await tx.collection(DONORS).doc(found._id).update({ data: fields });
      await audit('mall.donor_edit', found._id);
      return { ...found, ...fields };
    }
    const id = 'd' + randomBytes(12).toString('hex');
    const created = { ...fields, createdAt: ctx.now };
    await tx.collection(DONORS).doc(id).set({ data: created });
    await audit('mall.donor_create', id);
    return { _id: id, ...created };
  });
  return toDonorView(donor);
};

export const settings: Handler<'mall', 'settings'> = async (_input, ctx) => ({
  pickupDays: await pickupDays(ctx.db),
});

export const saveSettings: Handler<'mall', 'saveSettings'> = async (input, ctx) => {
  await savePickupDays(ctx.db, input.pickupDays, (tx) =>
    recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'mall.settings',
      targetId: 'mall',
      detail: `取货期限 ${input.pickupDays} 天`,
      at: ctx.now,
    }),
  );
  return { pickupDays: input.pickupDays };
};
