import { AppError } from '../errors';

/** `withdrawn`: the applicant closed their account before staff decided. */
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

export interface Decision {
  status: Exclude<ApplicationStatus, 'pending'>;
  reason: string;
}

/**
 * Staff decide a pending application once. A rejection must say why, so the applicant
 * knows what to fix; an approval may carry a note.
 */
export function decide(current: ApplicationStatus, approve: boolean, reason: string | undefined): Decision {
  if (current !== 'pending') throw new AppError('APPLICATION_DECIDED');
  const trimmed = (reason ?? '').trim();
  if (!approve && trimmed.length === 0) throw new AppError('REASON_REQUIRED');
  return { status: approve ? 'approved' : 'rejected', reason: trimmed };
}
