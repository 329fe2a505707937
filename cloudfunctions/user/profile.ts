/** login, updateProfile, setCareMode: the caller's own profile. */
import type { Handler } from '../runtime/router';
import type { HandlerContext } from '../runtime/context';
import { inTransaction } from '../runtime/db';
import { assertCleanText } from '../runtime/content';
import { USERS, findUser, type UserDoc, type UserFields } from '../runtime/users';
import { AppError } from '../../core/errors';
import { toUserView } from './views';

export function selfView(user: UserDoc) {
  return toUserView(user, { id: user._id, isStaff: user.roles.includes('staff') });
}

/**
 * Apply changes to the caller's own document in a transaction and return the new view.
 * Changes that depend on the document (roles) are computed from the copy read here, not
 * the one the router loaded, so a role granted meanwhile is not overwritten.
 */
export async function updateCaller(
  ctx: HandlerContext,
  changes: Partial<UserFields> | ((user: UserDoc) => Partial<UserFields>),
) {
  const updated = await inTransaction(ctx.db, async (tx) => {
    const user = await findUser(tx, ctx.caller._id);
    if (!user) throw new AppError('NOT_FOUND');
    const data = { ...(typeof changes === 'function' ? changes(user) : changes), updatedAt: ctx.now };
    await tx.collection(USERS).doc(user._id).update({ data });
    return { ...user, ...data };
  });
  return selfView(updated);
}

export const login: Handler<'user', 'login'> = async (_input, ctx) => ({
  user: selfView(ctx.caller),
  isNew: ctx.callerIsNew,
});

export const updateProfile: Handler<'user', 'updateProfile'> = async (input, ctx) => {
  await assertCleanText(ctx, input.nickname, input.building, input.unit);
  const phone = input.phone ?? ctx.caller.phone;
  return updateCaller(ctx, {
    nickname: input.nickname,
    avatarUrl: input.avatarUrl ?? ctx.caller.avatarUrl,
    building: input.building ?? ctx.caller.building,
    unit: input.unit ?? ctx.caller.unit,
    phone,
    // Consent is recorded when a number is given; clearing the number clears it.
    phoneConsentAt: phone ? (input.phone ? ctx.now : ctx.caller.phoneConsentAt) : null,
  });
};

export const setCareMode: Handler<'user', 'setCareMode'> = async (input, ctx) =>
  updateCaller(ctx, { careMode: input.enabled });
