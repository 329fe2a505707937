/**
 * The 双报到 service record (see core/domain/party-record.ts): built from closed claims and
 * closed participations, never from the points account, so spending points cannot shrink it.
 */
import type { UserId } from '../../core/contract';
import { COMMUNITY_NAME, ORGANISER_NAME } from '../../core/domain/community';
import { toCsv } from '../../core/domain/csv';
import { formatHours } from '../../core/domain/events';
import {
  RECORD_ITEM_LABELS,
  recordTotals,
  sortRecordItems,
  yearSpan,
  type RecordItem,
} from '../../core/domain/party-record';
import { AppError } from '../../core/errors';
import { formatStamp, inCommunityTz, type EpochMs } from '../../core/time';
import type { Database } from '../runtime/db';
import { findAll } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { USERS, findUser, type UserDoc, type UserFields } from '../runtime/users';
import { displayName } from '../../core/domain/users';
import { PARTICIPATIONS, type ParticipationFields } from '../events/store';
import { APPLICATIONS, type ApplicationFields } from '../user/applications';
import { WISH_CLAIMS, type ClaimFields } from './store';

interface MemberItem extends RecordItem {
  memberId: string;
}

/** A large community's yearly record still fits; past this, an export belongs in cloud storage. */
const MAX_ROWS = 20000;

/**
 * Closed claims and served events of `memberId` (or of the members `memberIds`, or of everyone),
 * in [from, to) when given.
 */
async function itemsOf(
  db: Database,
  filter: { memberId?: string; memberIds?: string[]; from?: EpochMs; to?: EpochMs },
): Promise<MemberItem[]> {
  const _ = db.command;
  const span = (field: string) =>
    filter.from !== undefined && filter.to !== undefined
      ? { [field]: _.gte(filter.from).and(_.lt(filter.to)) }
      : {};
  const who = filter.memberIds ? _.in(filter.memberIds) : filter.memberId;
  const [claims, participations] = await Promise.all([
    findAll<ClaimFields>(
      db.collection(WISH_CLAIMS).where({
        status: 'closed',
        ...(who ? { memberId: who } : {}),
        ...span('endedAt'),
      }),
      MAX_ROWS,
    ),
    findAll<ParticipationFields>(
      db.collection(PARTICIPATIONS).where({
        closedAt: _.neq(null),
        minutes: _.gt(0),
        ...(who ? { userId: who } : {}),
        ...span('eventStartAt'),
      }),
      MAX_ROWS,
    ),
  ]);
  return [
    ...claims.map((c) => ({
      memberId: c.memberId,
      kind: 'wish' as const,
      title: c.wishTitle,
      at: c.endedAt ?? c.claimedAt,
      minutes: 0,
    })),
    ...participations.map((p) => ({
      memberId: p.userId,
      kind: 'event' as const,
      title: p.eventTitle,
      at: p.eventStartAt,
      minutes: p.minutes ?? 0,
    })),
  ];
}

/**
 * Members' party organisation and workplace, from their latest approved 双报到 application: of
 * one member, or of everyone (one query rather than a list of thousands of ids).
 */
async function affiliations(
  db: Database,
  memberId?: string | string[],
): Promise<Map<string, ApplicationFields>> {
  const who = Array.isArray(memberId) ? db.command.in(memberId) : memberId;
  const approved = await findAll<ApplicationFields>(
    db
      .collection(APPLICATIONS)
      .where({ status: 'approved', kind: 'party_member', ...(who ? { userId: who } : {}) })
      .orderBy('decidedAt', 'asc'),
    MAX_ROWS,
  );
  return new Map(approved.map((a) => [a.userId, a]));
}

const itemView = (item: RecordItem) => ({
  kind: item.kind,
  kindLabel: RECORD_ITEM_LABELS[item.kind],
  title: item.title,
  at: item.at,
  minutes: item.minutes,
});

const totalsView = (items: readonly RecordItem[]) => {
  const totals = recordTotals(items);
  return { ...totals, hoursLabel: formatHours(totals.minutes) };
};

const yearOf = (ms: EpochMs) => inCommunityTz(ms).year();

export const myRecord: Handler<'wishes', 'myRecord'> = async (input, ctx) => {
  const year = input.year ?? yearOf(ctx.now);
  const { from, to } = yearSpan(year);
  const [all, orgs] = await Promise.all([
    itemsOf(ctx.db, { memberId: ctx.caller._id }),
    affiliations(ctx.db, ctx.caller._id),
  ]);
  const items = sortRecordItems(all.filter((i) => i.at >= from && i.at < to));
  const org = orgs.get(ctx.caller._id);
  return {
    member: org?.applicantName || displayName(ctx.caller),
    partyOrg: org?.partyOrg ?? '',
    workplace: org?.workplace ?? '',
    year,
    from,
    to: Math.min(to - 1, ctx.now),
    years: [...new Set([yearOf(ctx.now), ...all.map((i) => yearOf(i.at))])].sort((a, b) => b - a),
    wishes: items.filter((i) => i.kind === 'wish').map(itemView),
    events: items.filter((i) => i.kind === 'event').map(itemView),
    totals: totalsView(items),
    communityName: COMMUNITY_NAME,
    organiser: ORGANISER_NAME,
    issuedAt: ctx.now,
  };
};

interface MemberRecord {
  member: UserDoc;
  partyOrg: string;
  workplace: string;
  items: MemberItem[];
}

/** The year's record of every party member (or the one asked for), by name. */
async function yearRecord(db: Database, year: number, memberId: string | undefined): Promise<MemberRecord[]> {
  const { from, to } = yearSpan(year);
  let members: UserDoc[];
  if (memberId) {
    const member = await findUser(db, memberId);
    if (!member) throw new AppError('NOT_FOUND');
    members = [member];
  } else {
    // An array field matches a single value when the array contains it.
    members = await findAll<UserFields>(db.collection(USERS).where({ roles: 'party_member' }), MAX_ROWS);
  }
  const [items, orgs] = await Promise.all([itemsOf(db, { memberId, from, to }), affiliations(db, memberId)]);
  return members
    .map((member) => ({
      member,
      partyOrg: orgs.get(member._id)?.partyOrg ?? '',
      workplace: orgs.get(member._id)?.workplace ?? '',
      items: sortRecordItems(items.filter((i) => i.memberId === member._id)),
    }))
    .sort((a, b) => displayName(a.member).localeCompare(displayName(b.member), 'zh'));
}

export const record: Handler<'wishes', 'record'> = async (input, ctx) => {
  const rows = await yearRecord(ctx.db, input.year, input.memberId);
  return {
    year: input.year,
    members: rows.map((r) => ({
      memberId: r.member._id as UserId,
      name: displayName(r.member),
      partyOrg: r.partyOrg,
      workplace: r.workplace,
      totals: totalsView(r.items),
    })),
    items: input.memberId ? (rows[0]?.items ?? []).map(itemView) : [],
  };
};

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * One export page of the record: a line per member of `members` (a page of party members) over
 * [from, to) — so the whole community's record is read a page at a time, never in one reply.
 */
export async function recordLines(
  db: Database,
  members: readonly UserDoc[],
  from: EpochMs,
  to: EpochMs,
): Promise<(string | number)[][]> {
  const ids = members.map((m) => m._id);
  if (ids.length === 0) return [];
  const [items, orgs] = await Promise.all([itemsOf(db, { memberIds: ids, from, to }), affiliations(db, ids)]);
  return members.map((member) => {
    const totals = recordTotals(items.filter((i) => i.memberId === member._id));
    const org = orgs.get(member._id);
    return [
      org?.applicantName || displayName(member),
      org?.partyOrg ?? '',
      org?.workplace ?? '',
      totals.wishes,
      totals.events,
      hours(totals.minutes),
    ];
  });
}

export const exportRecord: Handler<'wishes', 'exportRecord'> = async (input, ctx) => {
  const rows = await yearRecord(ctx.db, input.year, input.memberId);
  if (input.memberId) {
    const one = rows[0];
    const name = one ? displayName(one.member) : '';
    return {
      filename: `双报到服务记录-${input.year}-${name}.csv`,
      csv: toCsv(
        ['姓名', '所在党组织', '类别', '内容', '时间', '服务时长（小时）'],
        (one?.items ?? []).map((i) => [
          name,
          one?.partyOrg ?? '',
          RECORD_ITEM_LABELS[i.kind],
          i.title,
          formatStamp(i.at),
          hours(i.minutes),
        ]),
      ),
    };
  }
  return {
    filename: `双报到服务记录-${input.year}.csv`,
    csv: toCsv(
      ['姓名', '所在党组织', '工作单位', '年度', '完成微心愿（件）', '参加活动（次）', '服务时长（小时）'],
      rows.map((r) => {
        const totals = recordTotals(r.items);
        return [
          displayName(r.member),
          r.partyOrg,
          r.workplace,
          input.year,
          totals.wishes,
          totals.events,
          hours(totals.minutes),
        ];
      }),
    ),
  };
};
