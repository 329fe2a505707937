/** Staff tools for residents, including neighbours without a smartphone (managed profiles). */
import { randomBytes } from 'crypto';
import { recordAudit } from '../runtime/audit';
import { assertCleanText } from '../runtime/content';
import { LEADER_ROLES } from '../../core/domain/roles';
import { inTransaction } from '../runtime/db';
import { matchingAny } from '../runtime/keyword';
import { findPage, mapPage } from '../runtime/paging';
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
      // Their nickname is their real name: it stays out of the public ranking (the wish wall
      // masks the same person as 张**).
      hideFromRankings: true,
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
  // A closed account is nobody to look up any more: its records remain, under no name.
  const filters: object[] = [{ closedAt: null }];
  if (input.managedOnly) filters.push({ managed: true });
  // An array field matches `in` when any of its elements is listed.
  if (input.leadersOnly) filters.push({ roles: _.in([...LEADER_ROLES]) });
  if (input.staffOnly) filters.push({ roles: 'staff' });
  if (keyword) filters.push(matchingAny(ctx.db, keyword, ['nickname', 'realName', 'building']));
  const page = await findPage<UserFields>(ctx.db, USERS, _.and(filters) as object, input);
  return mapPage(page, (user) => toUserView(user, { id: ctx.caller._id, isStaff: true }));
};
