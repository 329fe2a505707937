import { z } from 'zod';
import {
  CLAIM_STATUSES,
  MAX_WISH_PHOTOS,
  WALL_FILTERS,
  WISH_CATEGORIES,
  WISH_STATUSES,
} from '../domain/wishes';
import {
  RequestId,
  UserId,
  defineAction,
  empty,
  epochMs,
  idSchema,
  pageOf,
  paging,
  phoneNumber,
  storedImage,
} from './define';

const text = (max: number) => z.string().trim().max(max);

export const WishId = idSchema<'WishId'>();
export type WishId = z.infer<typeof WishId>;

const photo = storedImage.refine((url) => url.length > 0, '图片地址无效');
const photos = z
  .array(photo)
  .max(MAX_WISH_PHOTOS, `最多上传${MAX_WISH_PHOTOS}张照片`)
  .refine((list) => new Set(list).size === list.length, '照片重复');

/** Who the wish is for and how to reach them: shown only to the live claimer and staff. */
export const WishContactInput = z
  .object({
    name: text(20).min(2, '请填写心愿人姓名'),
    building: text(20).min(1, '请填写楼栋'),
    unit: text(20).optional(),
    phone: phoneNumber.or(z.literal('')).optional(),
    /** Explicit consent to show the phone number to the member who claims the wish. */
    phoneConsent: z.boolean().optional(),
  })
  .strict()
  .refine((c) => !c.phone || c.phoneConsent === true, {
    message: '留下手机号需要同意将其提供给认领的党员',
    path: ['phoneConsent'],
  });

const wishContent = {
  title: text(30).min(2, '请写下心愿'),
  story: text(300).optional(),
  category: z.enum(WISH_CATEGORIES),
  /** Any time on the day the wish is wanted by; it is due at the end of that day. */
  wantedBy: epochMs,
  photos: photos.optional(),
};

const PostInput = z.object({ ...wishContent, contact: WishContactInput, requestId: RequestId }).strict();

export const WishContactView = z.object({ name: z.string(), phone: z.string(), address: z.string() });

export const WishView = z.object({
  id: WishId,
  title: z.string(),
  story: z.string(),
  category: z.enum(WISH_CATEGORIES),
  categoryLabel: z.string(),
  photos: z.array(z.string()),
  /** The start of the wanted-by day, and the moment it is due (the end of that day). */
  wantedBy: epochMs,
  dueAt: epochMs,
  status: z.enum(WISH_STATUSES),
  statusLabel: z.string(),
  isOverdue: z.boolean(),
  isDueSoon: z.boolean(),
  /** `王** · 3栋`: all the wall ever says about who the wish is for. */
  recipient: z.string(),
  /** Posted by staff for a neighbour without a smartphone (代发布). */
  onBehalf: z.boolean(),
  /** Null unless the caller holds the live claim or is staff. */
  contact: WishContactView.nullable(),
  contactVisible: z.boolean(),
  /** The live claim, or who fulfilled a closed wish; the name is masked for everyone else. */
  claim: z.object({ memberName: z.string(), claimedAt: epochMs }).nullable(),
  /** The member's note and proof photos: for the poster, the claimer and staff. */
  fulfilment: z.object({ note: z.string(), photos: z.array(z.string()), at: epochMs }).nullable(),
  thanks: z.string(),
  /** Points the member receives once receipt is confirmed (or received, once closed). */
  points: z.number().int(),
  /** Staff's reason, for the poster and staff. */
  rejectReason: z.string(),
  hiddenReason: z.string(),
  edited: z.boolean(),
  /** What the poster first wrote, when staff edited it: for the poster and staff. */
  original: z
    .object({
      title: z.string(),
      story: z.string(),
      category: z.enum(WISH_CATEGORIES),
      photos: z.array(z.string()),
    })
    .nullable(),
  isPoster: z.boolean(),
  isClaimer: z.boolean(),
  mayClaim: z.boolean(),
  /** Why the caller may not claim it, in Chinese; empty when they may (or it is theirs). */
  claimBlockedReason: z.string(),
  mayRelease: z.boolean(),
  mayFulfil: z.boolean(),
  mayConfirm: z.boolean(),
  mayRevoke: z.boolean(),
  /** Staff may decide a pending wish (reject at least); approving also needs it visible and not past due. */
  mayReview: z.boolean(),
  mayApprove: z.boolean(),
  mayEdit: z.boolean(),
  mayWithdraw: z.boolean(),
  mayReport: z.boolean(),
  /** Staff may put it back on the wall (moderation.restoreItem): it is hidden. */
  mayRestore: z.boolean(),
  createdAt: epochMs,
  publishedAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
});
export type WishView = z.infer<typeof WishView>;

export const WishClaimView = z.object({
  id: z.string(),
  status: z.enum(CLAIM_STATUSES),
  statusLabel: z.string(),
  /** Why it ended (the member's own, staff's, or the system's); empty while live. */
  reason: z.string(),
  claimedAt: epochMs,
  endedAt: epochMs.nullable(),
});
export type WishClaimView = z.infer<typeof WishClaimView>;

/** One page of wishes: the wall, a bucket of the staff board (`items`, `next` like every list). */
const WishPage = pageOf(WishView);

export const STAFF_BUCKETS = ['pending', 'open', 'claimed', 'overdue', 'done', 'hidden', 'rejected'] as const;
export type StaffBucket = (typeof STAFF_BUCKETS)[number];

export const WishSettings = z.object({
  claimLimit: z.number().int().min(1).max(20),
  points: z.number().int().min(0).max(100),
});

const reason = (message: string) => text(100).min(2, message);
const year = z.number().int().min(2020).max(2100);

export const RecordItemView = z.object({
  kind: z.enum(['wish', 'event']),
  kindLabel: z.string(),
  title: z.string(),
  at: epochMs,
  minutes: z.number().int(),
});

export const RecordTotalsView = z.object({
  wishes: z.number().int(),
  events: z.number().int(),
  minutes: z.number().int(),
  hoursLabel: z.string(),
});

export const MemberRecordRow = z.object({
  memberId: UserId,
  name: z.string(),
  partyOrg: z.string(),
  workplace: z.string(),
  totals: RecordTotalsView,
});

export const wishesContract = {
  wall: defineAction({
    summary: '心愿墙: approved wishes, by category and status, newest or due-soon first, a page at a time',
    roles: ['resident'],
    input: z
      .object({
        category: z.enum(WISH_CATEGORIES).optional(),
        status: z.enum(WALL_FILTERS).optional(),
        /** dueSoon: only wishes still due, the soonest first. */
        order: z.enum(['newest', 'dueSoon']).optional(),
        ...paging,
      })
      .strict(),
    output: WishPage,
  }),
  get: defineAction({
    summary: 'One wish: public ones for anyone, others for their poster, claimer and staff',
    roles: ['resident'],
    input: z.object({ wishId: WishId }).strict(),
    output: WishView,
  }),
  mine: defineAction({
    summary: '我的心愿: the wishes the caller posted (or staff posted for others), newest first',
    roles: ['resident'],
    input: empty,
    output: z.array(WishView),
  }),
  claimed: defineAction({
    summary: '我认领的: the caller’s claims, live and ended (with the reason), newest first',
    roles: ['party_member'],
    input: z.object(paging).strict(),
    output: pageOf(z.object({ claim: WishClaimView, wish: WishView })),
  }),
  post: defineAction({
    summary:
      'Post a wish for review (≤3 photos, ≤3 open wishes); a retry with the same request id returns it',
    roles: ['resident'],
    input: PostInput,
    output: WishView,
  }),
  postFor: defineAction({
    summary: 'Staff: post a wish on behalf of a managed resident (代发布, audited)',
    roles: ['staff'],
    input: PostInput.extend({ userId: UserId }).strict(),
    output: WishView,
  }),
  withdraw: defineAction({
    summary: 'The poster (or staff, for a managed resident) withdraws a wish nobody has claimed',
    roles: ['resident'],
    input: z.object({ wishId: WishId }).strict(),
    output: WishView,
  }),
  review: defineAction({
    summary: 'Staff: approve a pending wish onto the wall, or reject it with a reason the poster sees',
    roles: ['staff'],
    input: z
      .object({ wishId: WishId, approve: z.boolean(), reason: text(100).optional() })
      .strict()
      .refine((r) => r.approve || (r.reason ?? '').length >= 2, {
        message: '请填写驳回理由',
        path: ['reason'],
      }),
    output: WishView,
  }),
  edit: defineAction({
    summary: "Staff: edit a wish nobody has claimed yet; the poster's original is kept",
    roles: ['staff'],
    input: z
      .object({
        wishId: WishId,
        title: wishContent.title.optional(),
        story: wishContent.story,
        category: wishContent.category.optional(),
        wantedBy: epochMs.optional(),
        photos: wishContent.photos,
        contact: WishContactInput.optional(),
        note: reason('请填写修改说明'),
      })
      .strict(),
    output: WishView,
  }),
  claim: defineAction({
    summary: 'A verified party member claims an open wish (one live claim per wish; a limit per member)',
    roles: ['party_member'],
    input: z.object({ wishId: WishId }).strict(),
    output: WishView,
  }),
  release: defineAction({
    summary: 'The claiming member gives a claim up, with a reason; the wish returns to the wall',
    roles: ['party_member'],
    input: z.object({ wishId: WishId, reason: reason('请填写放弃原因') }).strict(),
    output: WishView,
  }),
  revoke: defineAction({
    summary: 'Staff: revoke a claim with a reason the member sees; the wish returns to the wall',
    roles: ['staff'],
    input: z.object({ wishId: WishId, reason: reason('请填写撤销原因') }).strict(),
    output: WishView,
  }),
  fulfil: defineAction({
    summary: 'The claiming member marks the wish done, with a note and at least one proof photo',
    roles: ['party_member'],
    input: z
      .object({
        wishId: WishId,
        note: text(300).min(2, '请简单描述完成情况'),
        photos: photos.refine((list) => list.length >= 1, '请上传至少一张完成照片'),
      })
      .strict(),
    output: WishView,
  }),
  confirm: defineAction({
    summary:
      'The recipient (or staff for a managed resident) confirms receipt, may thank; the member is paid once',
    roles: ['resident'],
    input: z.object({ wishId: WishId, thanks: text(200).optional() }).strict(),
    output: WishView,
  }),
  staffList: defineAction({
    summary: 'Staff: wishes in one bucket of the board (the review queue is `pending`), a page at a time',
    roles: ['staff'],
    input: z.object({ bucket: z.enum(STAFF_BUCKETS), ...paging }).strict(),
    output: WishPage,
  }),
  board: defineAction({
    summary: 'Staff: how many wishes are pending, open, claimed, overdue, done this month, hidden, reported',
    roles: ['staff'],
    input: empty,
    output: z.object({
      pending: z.number().int(),
      open: z.number().int(),
      claimed: z.number().int(),
      overdue: z.number().int(),
      doneThisMonth: z.number().int(),
      hidden: z.number().int(),
      openReports: z.number().int(),
    }),
  }),
  settings: defineAction({
    summary: 'Staff: how many open claims a member may hold, and the points a fulfilled wish earns',
    roles: ['staff'],
    input: empty,
    output: WishSettings,
  }),
  saveSettings: defineAction({
    summary: 'Staff: change the claim limit and the points per fulfilled wish',
    roles: ['staff'],
    input: WishSettings.strict(),
    output: WishSettings,
  }),
  myRecord: defineAction({
    summary: "A party member's 双报到服务记录 for a year: the data of the record image",
    roles: ['party_member'],
    input: z.object({ year: year.optional() }).strict(),
    output: z.object({
      member: z.string(),
      partyOrg: z.string(),
      workplace: z.string(),
      year: z.number().int(),
      /** The period covered: the year's start to its end, or to today for the current year. */
      from: epochMs,
      to: epochMs,
      /** Years with any record, newest first, for the year picker. */
      years: z.array(z.number().int()),
      wishes: z.array(RecordItemView),
      events: z.array(RecordItemView),
      totals: RecordTotalsView,
      communityName: z.string(),
      organiser: z.string(),
      issuedAt: epochMs,
    }),
  }),
  record: defineAction({
    summary: "Staff: every party member's 双报到 record for a year (or one member's, with items)",
    roles: ['staff'],
    input: z.object({ year, memberId: UserId.optional() }).strict(),
    output: z.object({
      year: z.number().int(),
      members: z.array(MemberRecordRow),
      items: z.array(RecordItemView),
    }),
  }),
  exportRecord: defineAction({
    summary: 'Staff: the record as CSV (UTF-8 with BOM): one line per member, or per item for one member',
    roles: ['staff'],
    input: z.object({ year, memberId: UserId.optional() }).strict(),
    output: z.object({ filename: z.string(), csv: z.string() }),
  }),
};
