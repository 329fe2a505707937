/** The applications collection: 双报到 party-member applications awaiting staff review. */
import type { ApplicationStatus } from '../../core/domain/applications';
import type { EpochMs } from '../../core/time';
import { findAll, findById, type Database, type Doc, type DocReader } from '../runtime/db';

export const APPLICATIONS = 'applications';

export interface ApplicationFields {
  userId: string;
  applicantName: string;
  kind: 'party_member';
  partyOrg: string;
  workplace: string;
  status: ApplicationStatus;
  reason: string;
  decidedBy: string | null;
  createdAt: EpochMs;
  decidedAt: EpochMs | null;
}

export type ApplicationDoc = Doc<ApplicationFields>;

export function findApplication(source: DocReader, id: string): Promise<ApplicationDoc | null> {
  return findById<ApplicationFields>(source, APPLICATIONS, id);
}

export function applicationsOf(db: Database, userId: string): Promise<ApplicationDoc[]> {
  return findAll<ApplicationFields>(
    db.collection(APPLICATIONS).where({ userId }).orderBy('createdAt', 'desc'),
  );
}
