/**
 * The users collection, shared by every function: the router loads the caller from it and
 * registers them on their first call.
 */
import { createHash } from 'crypto';
import type { Role } from '../../core/domain/roles';
import type { EpochMs } from '../../core/time';
import { docsById } from './by-ids';
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
  /** Set when the account is closed (see user/closure.ts); the profile is anonymised then. */
  closedAt: EpochMs | null;
  /**
   * Set once the closure has released everything the account held and every request that was
   * already under way when it closed has finished (see user/closure.ts).
   */
  closureSettledAt: EpochMs | null;
  /**
   * Between closing and settling only: the names the closed account went by, so the settling
   * pass can still take them out of messages other residents received; removed once settled.
   */
  namesToScrub?: string[];
  /**
   * On the first account of an openid only: how many of this openid's accounts were closed,
   * which is the generation of its live account (see `resolveCaller`).
   */
  closures?: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type UserDoc = Doc<UserFields>;

/**
 * A user's id is derived from the openid so that two concurrent first calls register one
 * user, and so the openid itself never travels to other clients. An openid whose account was
 * closed logs in again as a new resident: generation 1, 2, … get ids of their own.
 */
export function userIdForOpenid(openid: string, generation = 0): string {
  return 'u' + createHash('sha256').update(generationSeed(openid, generation)).digest('hex').slice(0, 24);
}

function generationSeed(openid: string, generation: number): string {
  return generation === 0 ? openid : `${openid}#${generation}`;
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
    closedAt: null,
    closureSettledAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function findUser(source: DocReader, userId: string): Promise<UserDoc | null> {
  return findById<UserFields>(source, USERS, userId);
}

/** Who an openid is now: the id of its live account and that account, if registered. */
export interface Caller {
  id: string;
  generation: number;
  user: UserDoc | null;
}

/**
 * The caller's live account. Everyone's first account is found by one read, as before; only
 * when that account is closed is its closure counter consulted, and the live account (the
 * generation after the last closure) read — so closures cost nothing for everyone else, and a
 * closed account never answers for its openid again.
 */
export async function resolveCaller(source: DocReader, openid: string): Promise<Caller> {
  const first = await findUser(source, userIdForOpenid(openid));
  if (!first?.closedAt) return { id: userIdForOpenid(openid), generation: 0, user: first };
  const generation = first.closures ?? 1;
  const id = userIdForOpenid(openid, generation);
  return { id, generation, user: await findUser(source, id) };
}

/** Register a first-time caller; a concurrent first call finds the user already there. */
export async function registerCaller(
  db: Database,
  openid: string,
  now: EpochMs,
  generation = 0,
): Promise<{ user: UserDoc; isNew: boolean }> {
  const id = userIdForOpenid(openid, generation);
  return inTransaction(db, async (tx) => {
    const raced = await findUser(tx, id);
    if (raced) return { user: raced, isNew: false };
    const fields = newUserFields(
      { openid, nickname: defaultNickname(generationSeed(openid, generation)) },
      now,
    );
    await tx.collection(USERS).doc(id).set({ data: fields });
    return { user: { _id: id, ...fields }, isNew: true };
  });
}

/** `邻居1234`: a friendly placeholder until the resident picks a nickname. */
function defaultNickname(seed: string): string {
  const digits = createHash('sha256').update(seed).digest().readUInt16BE(0) % 10000;
  return `邻居${String(digits).padStart(4, '0')}`;
}

/** The users behind some ids (a page's worth), by id. */
export function usersById(source: Database, ids: readonly string[]): Promise<Map<string, UserDoc>> {
  return docsById<UserFields>(source, USERS, ids);
}
