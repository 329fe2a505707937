/** Staff tools for residents, including neighbours without a smartphone (managed profiles). */
import { randomBytes } from 'crypto';
import { recordAudit } from '../runtime/audit';
import { assertCleanText } from '../runtime/content';
import { findAll, inTransaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { USERS, newUserFields, type UserFields } from '../runtime/users';
import { toUserView } from './views';

export const createManagedResident: Handler<'user', 'createManagedResident'> = async (input, ctx) => {
  await assertCleanText(ctx, input.realName, input.note);
  const id = 'm' + randomBytes(12).toString('hex');
  const fields = newUserFields(
    {
      nickname: input.realName,
      realName: input.realName,
      building: input.building ?? '',
      unit: input.unit ?? '',
      phone: input.phone ?? '',
      note: input.note ?? '',
      managed: true,
      managedBy: ctx.caller._id,
      // Large text by default: staff will often show this profile to the resident in person.
      careMode: true,
    },
    ctx.now,
  );
  await inTransaction(ctx.db, async (tx) => {
    await tx.collection(USERS).doc(id).set({ data: fields });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'resident.create_managed',
      targetId: id,
      onBehalfOf: id,
      detail: input.note ?? '',
      at: ctx.now,
    });
  });
  return toUserView({ _id: id, ...fields }, { id: ctx.caller._id, isStaff: true });
};

export const listResidents: Handler<'user', 'listResidents'> = async (input, ctx) => {
  const _ = ctx.db.command;
  const keyword = input.keyword?.trim();
  const filters: object[] = [];
  if (input.managedOnly) filters.push({ managed: true });
  if (keyword) {
    const pattern = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
    filters.push(_.or([{ nickname: pattern }, { realName: pattern }, { building: pattern }]) as object);
  }
  const query =
    filters.length > 0 ? ctx.db.collection(USERS).where(_.and(filters)) : ctx.db.collection(USERS);
  const users = await findAll<UserFields>(query.orderBy('createdAt', 'desc'), 200);
  return users.map((user) => toUserView(user, { id: ctx.caller._id, isStaff: true }));
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
