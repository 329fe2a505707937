/**
 * The audit trail: who did what for whom. Staff acting for a managed resident, decisions
 * on applications and role grants all leave an entry, written in the same transaction.
 */
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

export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.collection(AUDIT).add({ data: entry });
}
