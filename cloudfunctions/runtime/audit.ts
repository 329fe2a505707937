/**
 * The audit trail: who did what for whom. Staff acting for a managed resident, decisions
 * on applications and role grants all leave an entry, written in the same transaction.
 */
import { auditTypeOf, type AuditType } from '../../core/domain/audit';
import type { EpochMs } from '../../core/time';
import type { Transaction } from './db';

export const AUDIT = 'audit';

export interface AuditEntry {
  actorId: string;
  action: string;
  targetId: string;
  /** Who the act was on behalf of, when staff act for a managed resident. */
  onBehalfOf?: string;
  detail: string;
  at: EpochMs;
}

/** As stored: the entry and its type, kept beside it so 操作记录 can filter by it. */
export interface AuditFields extends AuditEntry {
  type: AuditType;
}

export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  const fields: AuditFields = { ...entry, type: auditTypeOf(entry.action) };
  await tx.collection(AUDIT).add({ data: fields });
}
