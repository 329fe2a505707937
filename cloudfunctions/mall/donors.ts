/** The community's resource list: 爱心商家 and 共建单位 who donate goods. */
import { randomBytes } from 'crypto';
import { AppError } from '../../core/errors';
import { assertCleanText } from '../runtime/content';
import { findAll, findById } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { DONORS, pickupDays, savePickupDays, type DonorFields } from './store';
import { toDonorView } from './views';

export const listDonors: Handler<'mall', 'listDonors'> = async (_input, ctx) =>
  (await findAll<DonorFields>(ctx.db.collection(DONORS).orderBy('createdAt', 'asc'), 500)).map(toDonorView);

export const saveDonor: Handler<'mall', 'saveDonor'> = async (input, ctx) => {
  await assertCleanText(ctx, input.name);
  const fields = { name: input.name, kind: input.kind, contact: input.contact ?? '' };
  if (input.donorId) {
    const donor = await findById<DonorFields>(ctx.db, DONORS, input.donorId);
    if (!donor) throw new AppError('NOT_FOUND');
    await ctx.db.collection(DONORS).doc(donor._id).update({ data: fields });
    return toDonorView({ ...donor, ...fields });
  }
  const id = 'd' + randomBytes(12).toString('hex');
  const donor = { ...fields, createdAt: ctx.now };
  await ctx.db.collection(DONORS).doc(id).set({ data: donor });
  return toDonorView({ _id: id, ...donor });
};

export const settings: Handler<'mall', 'settings'> = async (_input, ctx) => ({
  pickupDays: await pickupDays(ctx.db),
});

export const saveSettings: Handler<'mall', 'saveSettings'> = async (input, ctx) => {
  await savePickupDays(ctx.db, input.pickupDays);
  return { pickupDays: input.pickupDays };
};
