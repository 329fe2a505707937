import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { APPLICATION_STATUSES } from '../domain/applications';
import { DATA_SECTIONS } from '../domain/privacy';
import {
  ApplicationId,
  ExportPage,
  UserId,
  defineAction,
  empty,
  epochMs,
  exportPaging,
  pageOf,
  paging,
  phoneNumber,
  storedImage,
} from './define';
import { HomeView } from './home';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional();

export const UserView = z.object({
  id: UserId,
  nickname: z.string(),
  avatarUrl: z.string(),
  realName: z.string(),
  building: z.string(),
  unit: z.string(),
  /** Only the user themself and staff see a phone number. */
  phone: z.string(),
  roles: z.array(z.enum(ROLES)),
  careMode: z.boolean(),
  /** A resident without a smartphone whom staff registered and act for. */
  managed: z.boolean(),
  /** How others see them named: the real name where the viewer may see it, else the nickname. */
  displayName: z.string(),
  /** May be made an event's leader (see `mayLead`). */
  mayLead: z.boolean(),
  createdAt: epochMs,
});
export type UserView = z.infer<typeof UserView>;

export const ApplicationView = z.object({
  id: ApplicationId,
  userId: UserId,
  applicantName: z.string(),
  kind: z.literal('party_member'),
  partyOrg: z.string(),
  workplace: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  reason: z.string(),
  createdAt: epochMs,
  decidedAt: epochMs.nullable(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ProfileInput = z
  .object({
    nickname: text(20).min(1, '请填写昵称'),
    avatarUrl: storedImage.optional(),
    building: optionalText(20),
    unit: optionalText(20),
    phone: phoneNumber.or(z.literal('')).optional(),
    /** Explicit consent to keep a phone number; required when one is given. */
    phoneConsent: z.boolean().optional(),
  })
  .strict()
  .refine((p) => !p.phone || p.phoneConsent === true, {
    message: '保存手机号需要您的同意',
    path: ['phoneConsent'],
  });

/** 隐私与数据: what the app keeps about one resident, and what closing the account does. */
export const PrivacyView = z.object({
  name: z.string(),
  /** The profile as stored: label and value (a phone number shown with its consent date). */
  profile: z.array(z.object({ label: z.string(), value: z.string() })),
  sections: z.array(
    z.object({
      key: z.enum(DATA_SECTIONS),
      label: z.string(),
      count: z.number().int(),
      /** What closing the account does to it. */
      afterClosing: z.string(),
    }),
  ),
  closed: z.boolean(),
});
export type PrivacyView = z.infer<typeof PrivacyView>;

/** What a closure released, so the resident (or staff) sees it happened. */
export const ClosureView = z.object({
  closedAt: epochMs,
  ordersRefunded: z.number().int(),
  claimsReleased: z.number().int(),
  wishesWithdrawn: z.number().int(),
  signupsCancelled: z.number().int(),
  applicationsWithdrawn: z.number().int(),
});
export type ClosureView = z.infer<typeof ClosureView>;

const section = z.enum(DATA_SECTIONS);

export const userContract = {
  login: defineAction({
    summary: 'Register the caller on first call, then return their profile',
    roles: ['resident'],
    registers: true,
    input: empty,
    output: z.object({ user: UserView, isNew: z.boolean() }),
  }),
  updateProfile: defineAction({
    summary: 'Edit nickname, avatar, building/unit and (with consent) phone',
    roles: ['resident'],
    input: ProfileInput,
    output: UserView,
  }),
  setCareMode: defineAction({
    summary: 'Turn 关怀模式 on or off for the caller',
    roles: ['resident'],
    input: z.object({ enabled: z.boolean() }).strict(),
    output: UserView,
  }),
  registerVolunteer: defineAction({
    summary: 'Become a registered volunteer with a real name and agreement to record keeping',
    roles: ['resident'],
    input: z
      .object({
        realName: text(20).min(2, '请填写真实姓名'),
        agreeToRecordKeeping: z.literal(true, { error: '请阅读并同意志愿服务记录协议' }),
      })
      .strict(),
    output: UserView,
  }),
  applyPartyMember: defineAction({
    summary: 'Apply for 双报到 with party organisation and workplace',
    roles: ['resident'],
    input: z
      .object({
        realName: text(20).min(2, '请填写真实姓名'),
        partyOrg: text(50).min(2, '请填写所在党组织'),
        workplace: text(50).min(2, '请填写工作单位'),
      })
      .strict(),
    output: ApplicationView,
  }),
  myApplications: defineAction({
    summary: "The caller's own applications, newest first",
    roles: ['resident'],
    input: empty,
    output: z.array(ApplicationView),
  }),
  listApplications: defineAction({
    summary: 'Staff: applications by status (pending oldest first, decided newest first), a page at a time',
    roles: ['staff'],
    input: z.object({ status: z.enum(APPLICATION_STATUSES), ...paging }).strict(),
    output: pageOf(ApplicationView),
  }),
  decideApplication: defineAction({
    summary: 'Staff: approve an application, or reject it with a reason',
    roles: ['staff'],
    input: z
      .object({
        applicationId: ApplicationId,
        approve: z.boolean(),
        reason: optionalText(100),
      })
      .strict(),
    output: ApplicationView,
  }),
  grantStaff: defineAction({
    summary: 'Staff: make another user community staff',
    roles: ['staff'],
    input: z.object({ userId: UserId }).strict(),
    output: UserView,
  }),
  createManagedResident: defineAction({
    summary: 'Staff: register a resident without a smartphone, to act for them later',
    roles: ['staff'],
    input: z
      .object({
        realName: text(20).min(2, '请填写姓名'),
        building: optionalText(20),
        unit: optionalText(20),
        phone: phoneNumber.or(z.literal('')).optional(),
        note: optionalText(100),
      })
      .strict(),
    output: UserView,
  }),
  listResidents: defineAction({
    summary: 'Staff: find residents by name, nickname or building, newest first, a page at a time',
    roles: ['staff'],
    input: z
      .object({
        keyword: optionalText(20),
        managedOnly: z.boolean().optional(),
        /** Only people who may lead an event (staff and volunteers). */
        leadersOnly: z.boolean().optional(),
        /** Only community staff (the 操作记录 filter). */
        staffOnly: z.boolean().optional(),
        ...paging,
      })
      .strict(),
    output: pageOf(UserView),
  }),
  myData: defineAction({
    summary: '隐私与数据: what the app keeps about the caller, and what closing the account does to it',
    roles: ['resident'],
    input: empty,
    output: PrivacyView,
  }),
  myDataPage: defineAction({
    summary: "One page of the caller's own data, by kind, to save as a file",
    roles: ['resident'],
    input: z.object({ section, ...exportPaging }).strict(),
    output: ExportPage,
  }),
  closeAccount: defineAction({
    summary:
      'Close the caller’s account: profile anonymised, claims, orders, sign-ups released; records kept anonymised',
    roles: ['resident'],
    input: z.object({ acknowledge: z.literal(true, { error: '请确认已了解注销的后果' }) }).strict(),
    output: ClosureView,
  }),
  residentData: defineAction({
    summary: 'Staff: what the app keeps about a managed resident (their data is handled by staff)',
    roles: ['staff'],
    input: z.object({ userId: UserId }).strict(),
    output: PrivacyView,
  }),
  residentDataPage: defineAction({
    summary: "Staff: one page of a managed resident's data, to hand to them (audited)",
    roles: ['staff'],
    input: z.object({ userId: UserId, section, ...exportPaging }).strict(),
    output: ExportPage,
  }),
  closeResident: defineAction({
    summary: "Staff: close a managed resident's account at their request, with the reason (audited)",
    roles: ['staff'],
    input: z.object({ userId: UserId, reason: text(100).min(2, '请填写注销原因') }).strict(),
    output: ClosureView,
  }),
  listOutbox: defineAction({
    summary: "The caller's notifications, newest first, a page at a time",
    roles: ['resident'],
    input: z.object({ ...paging }).strict(),
    output: pageOf(
      z.object({
        id: z.string(),
        template: z.string(),
        title: z.string(),
        body: z.string(),
        /** The page the message is about (a route of `core/routes`), '' when none. */
        page: z.string(),
        createdAt: epochMs,
        /** Read on 我的消息; unread ones are counted on the home page. */
        read: z.boolean(),
      }),
    ),
  }),
  home: defineAction({
    summary: 'Everything the home page shows, in one round trip: balance, next event, what is new, messages',
    roles: ['resident'],
    input: empty,
    output: HomeView,
  }),
  unreadMessages: defineAction({
    summary: "How many of the caller's messages are unread",
    roles: ['resident'],
    input: empty,
    output: z.object({ count: z.number().int().nonnegative() }),
  }),
  markMessagesRead: defineAction({
    summary: "Mark the caller's messages up to a time as read (the 消息 page, when shown)",
    roles: ['resident'],
    input: z.object({ upTo: epochMs }).strict(),
    output: z.object({ count: z.number().int().nonnegative() }),
  }),
};
