/**
 * The users collection, shared by every function: the router loads the caller from it and
 * registers them on their first call.
 */
import { createHash } from 'crypto';
import type { Role } from '../../core/domain/roles';
import type { EpochMs } from '../../core/time';
import { findById, inTransaction, type Database, type Doc, type DocReader } from './db';

export const USERS = 'users';

export interface UserFields {
  /** Null for a managed resident, who has no WeChat account of their own. */
  openid: string | null;
  nickname: string;
  avatarUrl: string;
  realName: string;
  building: string;
  unit: string;
  phone: string;
  phoneConsentAt: EpochMs | null;
  roles: Role[];
  careMode: boolean;
  managed: boolean;
  /** Staff user who registered a managed resident. */
  managedBy: string | null;
  note: string;
  volunteerAgreedAt: EpochMs | null;
  /** Guards "one pending application at a time" inside a transaction. */
  pendingApplicationId: string | null;
  /** Opt-out of public rankings. */
  hideFromRankings: boolean;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type UserDoc = Doc<UserFields>;

/**
 * A user's id is derived from the openid so that two concurrent first calls register one
 * user, and so the openid itself never travels to other clients.
 */
export function userIdForOpenid(openid: string): string {
  return 'u' + createHash('sha256').update(openid).digest('hex').slice(0, 24);
}

export function newUserFields(overrides: Partial<UserFields>, now: EpochMs): UserFields {
  return {
    openid: null,
    nickname: '',
    avatarUrl: '',
    realName: '',
    building: '',
    unit: '',
    phone: '',
    phoneConsentAt: null,
    roles: ['resident'],
    careMode: false,
    managed: false,
    managedBy: null,
    note: '',
    volunteerAgreedAt: null,
    pendingApplicationId: null,
    hideFromRankings: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function findUser(source: DocReader, userId: string): Promise<UserDoc | null> {
  return findById<UserFields>(source, USERS, userId);
}

/** Register a first-time caller; a concurrent first call finds the user already there. */
export async function registerCaller(
  db: Database,
  openid: string,
  now: EpochMs,
): Promise<{ user: UserDoc; isNew: boolean }> {
  const id = userIdForOpenid(openid);
  return inTransaction(db, async (tx) => {
    const raced = await findUser(tx, id);
    if (raced) return { user: raced, isNew: false };
    const fields = newUserFields({ openid, nickname: defaultNickname(openid) }, now);
    await tx.collection(USERS).doc(id).set({ data: fields });
    return { user: { _id: id, ...fields }, isNew: true };
  });
}

/** `邻居1234`: a friendly placeholder until the resident picks a nickname. */
function defaultNickname(openid: string): string {
  const digits = createHash('sha256').update(openid).digest().readUInt16BE(0) % 10000;
  return `邻居${String(digits).padStart(4, '0')}`;
}
