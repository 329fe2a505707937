/** Turn stored documents into what the contract promises the client. */
import type { ApplicationView, UserView, ApplicationId, UserId } from '../../core/contract';
import { mayLead } from '../../core/domain/roles';
import { displayName } from '../../core/domain/users';
import type { UserDoc } from '../runtime/users';
import type { ApplicationDoc } from './applications';

/** A phone number is shown only to its owner and to staff. */
export function toUserView(user: UserDoc, viewer: { id: string; isStaff: boolean }): UserView {
  const mayViewPrivate = viewer.isStaff || viewer.id === user._id;
  return {
    id: user._id as UserId,
    nickname: user.nickname,
    avatarUrl: user.avatarUrl,
    realName: mayViewPrivate ? user.realName : '',
    building: user.building,
    unit: user.unit,
    phone: mayViewPrivate ? user.phone : '',
    roles: user.roles,
    careMode: user.careMode,
    managed: user.managed,
    displayName: mayViewPrivate ? displayName(user) : user.nickname,
    mayLead: mayLead(user.roles),
    createdAt: user.createdAt,
  };
}

export function toApplicationView(app: ApplicationDoc): ApplicationView {
  return {
    id: app._id as ApplicationId,
    userId: app.userId as UserId,
    applicantName: app.applicantName,
    kind: app.kind,
    partyOrg: app.partyOrg,
    workplace: app.workplace,
    status: app.status,
    reason: app.reason,
    createdAt: app.createdAt,
    decidedAt: app.decidedAt,
  };
}
