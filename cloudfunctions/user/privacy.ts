/**
 * 隐私与数据: what the app keeps about a resident, a page at a time to save as their file, and
 * closing the account (closure.ts). A managed resident's data is handled by staff, audited.
 */
import type { ExportPage, PrivacyView } from '../../core/contract';
import type { Cursor } from '../../core/contract/define';
import { APPLICATION_STATUS_LABELS } from '../../core/domain/applications';
import type { CsvCell } from '../../core/domain/csv';
import { PARTICIPATION_STATUS_LABELS, formatHours } from '../../core/domain/events';
import { exportFilename } from '../../core/domain/exports';
import { ORDER_STATUS_LABELS } from '../../core/domain/mall';
import { REPORT_CATEGORY_LABELS, REPORT_STATUS_LABELS } from '../../core/domain/moderation';
import { describeEntry } from '../../core/domain/points';
import {
  AFTER_CLOSING,
  DATA_SECTIONS,
  DATA_SECTION_LABELS,
  MY_DATA_HEADER,
  type DataSection,
} from '../../core/domain/privacy';
import { ROLE_LABELS } from '../../core/domain/roles';
import { displayName } from '../../core/domain/users';
import { PROPOSAL_STATUS_LABELS } from '../../core/domain/voting';
import { CLAIM_STATUS_LABELS, wishStatusLabel } from '../../core/domain/wishes';
import { AppError } from '../../core/errors';
import { formatStamp, type EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import type { HandlerContext } from '../runtime/context';
import { docsById } from '../runtime/by-ids';
import { inTransaction, type Database, type Doc } from '../runtime/db';
import { exportPage } from '../runtime/export-page';
import { NOTIFICATIONS, type NotificationFields } from '../runtime/notifications';
import type { Handler } from '../runtime/router';
import { findUser, type UserDoc } from '../runtime/users';
import { PARTICIPATIONS, type ParticipationFields } from '../events/store';
import { ORDERS, type OrderFields } from '../mall/store';
import { REPORTS, type ReportFields } from '../moderation/store';
import { ENTRIES, type EntryFields } from '../points/ledger';
import {
  BALLOTS,
  PROPOSALS,
  ROUNDS,
  type BallotFields,
  type ProposalFields,
  type RoundFields,
} from '../votes/store';
import { WISHES, WISH_CLAIMS, type ClaimFields, type WishFields } from '../wishes/store';
import { APPLICATIONS, type ApplicationFields } from './applications';
import { CLOSED_REASON, closeAccountOf } from './closure';

const when = (ms: EpochMs | null) => (ms ? formatStamp(ms) : '');

/** The profile as stored, field by field. */
function profileRows(user: UserDoc): [string, string][] {
  return [
    ['昵称', user.nickname],
    ['真实姓名', user.realName],
    ['头像', user.avatarUrl ? '已上传' : ''],
    ['楼栋', user.building],
    ['单元门牌', user.unit],
    ['手机号', user.phone ? `${user.phone}（${when(user.phoneConsentAt)} 同意保存）` : ''],
    ['身份', user.roles.map((role) => ROLE_LABELS[role]).join('、')],
    ['志愿服务记录协议', user.volunteerAgreedAt ? `${when(user.volunteerAgreedAt)} 同意` : ''],
    ['关怀模式', user.careMode ? '开启' : '关闭'],
    ['积分排行', user.hideFromRankings ? '不参与' : '参与'],
    ['备注（工作人员登记）', user.note],
    ['注册时间', when(user.createdAt)],
  ];
}

/** Where one kind of a resident's data lives and how a row of the file reads. */
interface Source<T> {
  collection: string;
  where(userId: string): object;
  field: string;
  rows(docs: Doc<T>[], db: Database, now: EpochMs): Promise<CsvCell[][]> | CsvCell[][];
}

/** One kind's source, typed by its documents, in a table of every kind. */
function source<T>(s: Source<T>): Source<unknown> {
  return s as unknown as Source<unknown>;
}

const SOURCES: Record<Exclude<DataSection, 'profile'>, Source<unknown>> = {
  points: source<EntryFields>({
    collection: ENTRIES,
    where: (userId) => ({ userId }),
    field: 'createdAt',
    rows: (docs) =>
      docs.map((e) => [
        DATA_SECTION_LABELS.points,
        when(e.createdAt),
        describeEntry(e),
        `${e.amount > 0 ? '+' : ''}${e.amount}，余额 ${e.balanceAfter}`,
      ]),
  }),
  orders: source<OrderFields>({
    collection: ORDERS,
    where: (userId) => ({ userId }),
    field: 'createdAt',
    rows: (docs) =>
      docs.map((o) => [
        DATA_SECTION_LABELS.orders,
        when(o.createdAt),
        `${o.goodsName} ×${o.quantity}`,
        `${o.points} 积分 · ${ORDER_STATUS_LABELS[o.status]}`,
      ]),
  }),
  events: source<ParticipationFields>({
    collection: PARTICIPATIONS,
    where: (userId) => ({ userId }),
    field: 'createdAt',
    rows: (docs) =>
      docs.map((p) => [
        DATA_SECTION_LABELS.events,
        when(p.eventStartAt),
        p.eventTitle,
        [
          PARTICIPATION_STATUS_LABELS[p.status],
          p.checkInAt ? `签到 ${when(p.checkInAt)}` : '',
          p.checkOutAt ? `签退 ${when(p.checkOutAt)}` : '',
          p.minutes !== null ? `服务 ${formatHours(p.minutes)}，${p.points ?? 0} 积分` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ]),
  }),
  wishes: source<WishFields>({
    collection: WISHES,
    where: (userId) => ({ recipientId: userId }),
    field: 'createdAt',
    rows: (docs, _db, now) =>
      docs.map((w) => [
        DATA_SECTION_LABELS.wishes,
        when(w.createdAt),
        w.title,
        [wishStatusLabel(w, now), w.contact.name, w.contact.phone, `${w.contact.building}${w.contact.unit}`]
          .filter(Boolean)
          .join(' · '),
      ]),
  }),
  claims: source<ClaimFields>({
    collection: WISH_CLAIMS,
    where: (userId) => ({ memberId: userId }),
    field: 'claimedAt',
    rows: (docs) =>
      docs.map((c) => [
        DATA_SECTION_LABELS.claims,
        when(c.claimedAt),
        c.wishTitle,
        [CLAIM_STATUS_LABELS[c.status], c.reason].filter(Boolean).join(' · '),
      ]),
  }),
  proposals: source<ProposalFields>({
    collection: PROPOSALS,
    where: (userId) => ({ authorId: userId }),
    field: 'createdAt',
    rows: (docs) =>
      docs.map((p) => [
        DATA_SECTION_LABELS.proposals,
        when(p.createdAt),
        p.title,
        PROPOSAL_STATUS_LABELS[p.status],
      ]),
  }),
  ballots: source<BallotFields>({
    collection: BALLOTS,
    where: (userId) => ({ userId }),
    field: 'castAt',
    async rows(docs, db) {
      const rounds = await docsById<RoundFields>(
        db,
        ROUNDS,
        docs.map((b) => b.roundId),
      );
      return docs.map((b) => {
        const round = rounds.get(b.roundId);
        const titles = new Map((round?.menu ?? []).map((m) => [m.proposalId, m.title]));
        return [
          DATA_SECTION_LABELS.ballots,
          when(b.castAt),
          round?.title ?? b.roundId,
          `${b.channel === 'paper' ? '纸质选票' : '线上投票'}：${b.choices.map((id) => titles.get(id) ?? id).join('、')}`,
        ];
      });
    },
  }),
  reports: source<ReportFields>({
    collection: REPORTS,
    where: (userId) => ({ reporterId: userId }),
    field: 'createdAt',
    rows: (docs) =>
      docs.map((r) => [
        DATA_SECTION_LABELS.reports,
        when(r.createdAt),
        r.title,
        [REPORT_CATEGORY_LABELS[r.category], r.text, REPORT_STATUS_LABELS[r.status]]
          .filter(Boolean)
          .join(' · '),
      ]),
  }),
  applications: source<ApplicationFields>({
    collection: APPLICATIONS,
    where: (userId) => ({ userId }),
    field: 'createdAt',
    rows: (docs) =>
      docs.map((a) => [
        DATA_SECTION_LABELS.applications,
        when(a.createdAt),
        `${a.applicantName} · ${a.partyOrg}`,
        `${a.workplace} · ${APPLICATION_STATUS_LABELS[a.status]}`,
      ]),
  }),
  messages: source<NotificationFields>({
    collection: NOTIFICATIONS,
    where: (userId) => ({ userId }),
    field: 'createdAt',
    rows: (docs) => docs.map((n) => [DATA_SECTION_LABELS.messages, when(n.createdAt), n.title, n.body]),
  }),
};

async function countOf(db: Database, section: DataSection, user: UserDoc): Promise<number> {
  if (section === 'profile') return profileRows(user).filter(([, value]) => value !== '').length;
  const { collection, where } = SOURCES[section];
  const res = (await db.collection(collection).where(where(user._id)).count()) as { total: number };
  return res.total;
}

async function privacyView(db: Database, user: UserDoc): Promise<PrivacyView> {
  const counts = await Promise.all(DATA_SECTIONS.map((section) => countOf(db, section, user)));
  return {
    name: displayName(user),
    profile: profileRows(user).map(([label, value]) => ({ label, value })),
    sections: DATA_SECTIONS.map((key, i) => ({
      key,
      label: DATA_SECTION_LABELS[key],
      count: counts[i],
      afterClosing: AFTER_CLOSING[key],
    })),
    closed: Boolean(user.closedAt),
  };
}

async function dataPage(
  db: Database,
  user: UserDoc,
  section: DataSection,
  request: { cursor?: Cursor; limit?: number },
  now: EpochMs,
): Promise<ExportPage> {
  const file = {
    filename: exportFilename('个人数据', `${displayName(user)}-${formatStamp(now).slice(0, 10)}`),
    title: `${displayName(user)} 的个人数据（${formatStamp(now)} 导出）`,
    header: [...MY_DATA_HEADER],
  };
  if (section === 'profile') {
    const rows = profileRows(user).map(([label, value]) => [DATA_SECTION_LABELS.profile, '', label, value]);
    return { ...file, rows, next: null, total: rows.length };
  }
  const { collection, where, field, rows } = SOURCES[section];
  return exportPage(
    db,
    {
      ...file,
      collection,
      where: where(user._id),
      order: { field, direction: 'asc' },
      rows: (docs) => rows(docs, db, now),
    },
    request,
  );
}

/** The managed resident staff act for; anyone else's data is theirs alone. */
async function managedResident(ctx: HandlerContext, userId: string): Promise<UserDoc> {
  const user = await findUser(ctx.db, userId);
  if (!user?.managed) throw new AppError('NOT_FOUND', '只能查看由社区登记的居民的数据');
  return user;
}

export const myData: Handler<'user', 'myData'> = async (_input, ctx) => privacyView(ctx.db, ctx.caller);

export const myDataPage: Handler<'user', 'myDataPage'> = async (input, ctx) =>
  dataPage(ctx.db, ctx.caller, input.section, input, ctx.now);

export const residentData: Handler<'user', 'residentData'> = async (input, ctx) =>
  privacyView(ctx.db, await managedResident(ctx, input.userId));

export const residentDataPage: Handler<'user', 'residentDataPage'> = async (input, ctx) => {
  const resident = await managedResident(ctx, input.userId);
  // An export starts with the profile: that first page is the one act worth recording.
  if (input.section === 'profile') {
    await inTransaction(ctx.db, (tx) =>
      recordAudit(tx, {
        actorId: ctx.caller._id,
        action: 'account.export_for',
        targetId: resident._id,
        onBehalfOf: resident._id,
        detail: '',
        at: ctx.now,
      }),
    );
  }
  return dataPage(ctx.db, resident, input.section, input, ctx.now);
};

export const closeAccount: Handler<'user', 'closeAccount'> = async (_input, ctx) =>
  closeAccountOf(
    ctx.db,
    { userId: ctx.caller._id, openid: ctx.openid, actorId: ctx.caller._id, reason: CLOSED_REASON },
    ctx.now,
  );

export const closeResident: Handler<'user', 'closeResident'> = async (input, ctx) => {
  const resident = await managedResident(ctx, input.userId);
  if (resident.closedAt) throw new AppError('CONFLICT', '该居民的账号已注销');
  return closeAccountOf(
    ctx.db,
    { userId: resident._id, openid: null, actorId: ctx.caller._id, reason: input.reason },
    ctx.now,
  );
};
