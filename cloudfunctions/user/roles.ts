/** Becoming a volunteer, applying for 双报到, and staff decisions on roles. */
import { pageUrl } from '../../core/routes';
import { decide } from '../../core/domain/applications';
import { withRole } from '../../core/domain/roles';
import { AppError } from '../../core/errors';
import { recordAudit } from '../runtime/audit';
import { assertCleanText } from '../runtime/content';
import { inTransaction } from '../runtime/db';
import { queueNotification } from '../runtime/notifications';
import { findPage, mapPage } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { USERS, findUser } from '../runtime/users';
import { APPLICATIONS, applicationsOf, findApplication, type ApplicationFields } from './applications';
import { updateCaller } from './profile';
import { toApplicationView, toUserView } from './views';

export const registerVolunteer: Handler<'user', 'registerVolunteer'> = async (input, ctx) => {
  if (ctx.roles.includes('volunteer')) throw new AppError('ALREADY_VOLUNTEER');
  return updateCaller(ctx, (user) => ({
    realName: input.realName,
    roles: withRole(user.roles, 'volunteer'),
    volunteerAgreedAt: ctx.now,
  }));
};

export const applyPartyMember: Handler<'user', 'applyPartyMember'> = async (input, ctx) => {
  if (ctx.roles.includes('party_member')) throw new AppError('ALREADY_PARTY_MEMBER');
  await assertCleanText(ctx, input.realName, input.partyOrg, input.workplace);
  const application = await inTransaction(ctx.db, async (tx) => {
    const user = await findUser(tx, ctx.caller._id);
    if (!user) throw new AppError('NOT_FOUND');
    // The pointer on the user document makes "one pending application" hold under races.
    if (user.pendingApplicationId) throw new AppError('APPLICATION_PENDING');
    const fields: ApplicationFields = {
      userId: user._id,
      applicantName: input.realName,
      kind: 'party_member',
      partyOrg: input.partyOrg,
      workplace: input.workplace,
      status: 'pending',
      reason: '',
      decidedBy: null,
      createdAt: ctx.now,
      decidedAt: null,
    };
    const { _id } = await tx.collection(APPLICATIONS).add({ data: fields });
    await tx
      .collection(USERS)
      .doc(user._id)
      .update({
        data: { pendingApplicationId: _id, realName: input.realName, updatedAt: ctx.now },
      });
    return { _id, ...fields };
  });
  return toApplicationView(application);
};

export const myApplications: Handler<'user', 'myApplications'> = async (_input, ctx) =>
  (await applicationsOf(ctx.db, ctx.caller._id)).map(toApplicationView);

/** Pending ones oldest first (first come, first served); decided ones newest first. */
export const listApplications: Handler<'user', 'listApplications'> = async (input, ctx) => {
  const order = { field: 'createdAt', direction: input.status === 'pending' ? 'asc' : 'desc' } as const;
  const page = await findPage<ApplicationFields>(
    ctx.db,
    APPLICATIONS,
    { status: input.status },
    input,
    order,
  );
  return mapPage(page, toApplicationView);
};

export const decideApplication: Handler<'user', 'decideApplication'> = async (input, ctx) => {
  const decided = await inTransaction(ctx.db, async (tx) => {
    const application = await findApplication(tx, input.applicationId);
    if (!application) throw new AppError('NOT_FOUND');
    const { status, reason } = decide(application.status, input.approve, input.reason);
    const applicant = await findUser(tx, application.userId);
    if (!applicant) throw new AppError('NOT_FOUND');

    const changes = { status, reason, decidedBy: ctx.caller._id, decidedAt: ctx.now };
    await tx.collection(APPLICATIONS).doc(application._id).update({ data: changes });
    await tx
      .collection(USERS)
      .doc(applicant._id)
      .update({
        data: {
          pendingApplicationId: null,
          roles: status === 'approved' ? withRole(applicant.roles, 'party_member') : applicant.roles,
          updatedAt: ctx.now,
        },
      });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: `application.${status}`,
      targetId: application._id,
      detail: reason,
      at: ctx.now,
    });
    await queueNotification(
      tx,
      {
        userId: application.userId,
        template: 'application_decided',
        title: status === 'approved' ? '双报到认证已通过' : '双报到认证未通过',
        body: status === 'approved' ? '您已成为社区双报到党员，可以认领微心愿啦。' : `未通过原因：${reason}`,
        page: pageUrl('party'),
      },
      ctx.now,
    );
    return { ...application, ...changes };
  });
  return toApplicationView(decided);
};

export const grantStaff: Handler<'user', 'grantStaff'> = async (input, ctx) => {
  const granted = await inTransaction(ctx.db, async (tx) => {
    const user = await findUser(tx, input.userId);
    if (!user || user.managed) throw new AppError('NOT_FOUND');
    const roles = withRole(user.roles, 'staff');
    await tx
      .collection(USERS)
      .doc(user._id)
      .update({ data: { roles, updatedAt: ctx.now } });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'role.grant_staff',
      targetId: user._id,
      detail: '',
      at: ctx.now,
    });
    return { ...user, roles };
  });
  return toUserView(granted, { id: ctx.caller._id, isStaff: true });
};
