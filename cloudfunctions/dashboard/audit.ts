/** 操作记录: the audit trail as staff read it, newest first, filtered and a page at a time. */
import type { AuditView } from '../../core/contract';
import { AUDIT_TYPE_LABELS, auditActionLabel } from '../../core/domain/audit';
import { CLOSED_ACCOUNT_NAME, displayName } from '../../core/domain/users';
import { AUDIT, type AuditFields } from '../runtime/audit';
import { findPage } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { usersById } from '../runtime/users';

export const audit: Handler<'dashboard', 'audit'> = async (input, ctx) => {
  const _ = ctx.db.command;
  const filters: object[] = [];
  if (input.actorId) filters.push({ actorId: input.actorId });
  if (input.type) filters.push({ type: input.type });
  // For a resident: acts on their behalf, and acts on them (a role granted, an account closed).
  if (input.userId) filters.push(_.or([{ onBehalfOf: input.userId }, { targetId: input.userId }]) as object);
  const where = filters.length > 0 ? (_.and(filters) as object) : {};
  const page = await findPage<AuditFields>(ctx.db, AUDIT, where, input, { field: 'at', direction: 'desc' });
  const people = await usersById(
    ctx.db,
    page.items.flatMap((e) => [e.actorId, e.onBehalfOf ?? '', e.targetId]),
  );
  const nameOf = (id: string) => {
    const user = people.get(id);
    return user ? displayName(user) : id === 'system' ? '系统' : CLOSED_ACCOUNT_NAME;
  };
  const items = page.items.map((e): AuditView => {
    // The resident concerned: named on the entry, or the entry's target when that is a person.
    const subjectId = e.onBehalfOf || (people.has(e.targetId) ? e.targetId : '');
    return {
      id: e._id,
      type: e.type,
      typeLabel: AUDIT_TYPE_LABELS[e.type],
      action: e.action,
      actionLabel: auditActionLabel(e.action),
      actorId: e.actorId,
      actorName: nameOf(e.actorId),
      subjectId,
      subjectName: subjectId ? nameOf(subjectId) : '',
      targetId: e.targetId,
      detail: e.detail,
      at: e.at,
    };
  });
  return { items, next: page.next };
};
