import { z } from 'zod';
import {
  AUDIENCES,
  EVENT_CATEGORIES,
  EVENT_PHASES,
  EVENT_STATUSES,
  PARTICIPATION_STATUSES,
  SIGNUP_OUTCOMES,
} from '../domain/events';
import {
  EventId,
  ExportPage,
  UserId,
  defineAction,
  empty,
  epochMs,
  exportPaging,
  pageOf,
  paging,
  storedImage,
} from './define';
import { ProjectId } from './votes';

const text = (max: number) => z.string().trim().max(max);
const purpose = z.enum(['in', 'out']);

export const MyParticipation = z.object({
  status: z.enum(PARTICIPATION_STATUSES),
  /** 1-based place on the waitlist; null when not waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  checkInAt: epochMs.nullable(),
  checkOutAt: epochMs.nullable(),
  /** Confirmed service minutes and the points they earned, once closed. */
  minutes: z.number().int().nullable(),
  points: z.number().int().nullable(),
});
export type MyParticipation = z.infer<typeof MyParticipation>;

export const EventView = z.object({
  id: EventId,
  title: z.string(),
  description: z.string(),
  coverUrl: z.string(),
  category: z.enum(EVENT_CATEGORIES),
  place: z.string(),
  startAt: epochMs,
  endAt: epochMs,
  signupDeadline: epochMs,
  capacity: z.number().int(),
  audience: z.enum(AUDIENCES),
  pointsPerHour: z.number().int(),
  maxPoints: z.number().int(),
  checkinMarginMinutes: z.number().int(),
  status: z.enum(EVENT_STATUSES),
  phase: z.enum(EVENT_PHASES),
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  leaderIds: z.array(z.string()),
  leaderNames: z.array(z.string()),
  organiser: z.string(),
  cancelReason: z.string(),
  /** The 微实事 project this event helps carry out, if any. */
  projectId: z.string().nullable(),
  isLeader: z.boolean(),
  /** The viewer may run it: show its code, participants and hours (staff, or one of its leaders). */
  mayRun: z.boolean(),
  /** The viewer may edit it (staff, until it is cancelled). */
  mayEdit: z.boolean(),
  /** The viewer may sign up neighbours without a smartphone for it now (`signUpFor`). */
  maySignUpFor: z.boolean(),
  /** What a tap on 报名 would give the viewer now (`signupOutcome`). */
  signup: z.enum(SIGNUP_OUTCOMES),
  /** The viewer has a seat or a waitlist place and may still give it up. */
  mayCancel: z.boolean(),
  mine: MyParticipation.nullable(),
});
export type EventView = z.infer<typeof EventView>;

export const ParticipantView = z.object({
  userId: UserId,
  name: z.string(),
  managed: z.boolean(),
  status: z.enum(PARTICIPATION_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  checkInAt: epochMs.nullable(),
  checkOutAt: epochMs.nullable(),
  proposedMinutes: z.number().int(),
  confirmedMinutes: z.number().int().nullable(),
  points: z.number().int().nullable(),
  /** Who signed them up or checked them in, when it was not themself. */
  actedBy: z.string(),
  hoursReason: z.string(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

const EventInput = z
  .object({
    eventId: EventId.optional(),
    title: text(40).min(2, '请填写活动名称'),
    description: text(1000).optional(),
    coverUrl: storedImage.optional(),
    category: z.enum(EVENT_CATEGORIES),
    place: text(60).min(2, '请填写活动地点'),
    startAt: epochMs,
    endAt: epochMs,
    signupDeadline: epochMs,
    capacity: z.number().int().min(1, '人数上限至少为1').max(10000),
    audience: z.enum(AUDIENCES),
    pointsPerHour: z.number().int().min(0).max(100).optional(),
    /** Defaults to the event's length in hours × points per hour. */
    maxPoints: z.number().int().min(0).max(10000).optional(),
    leaderIds: z.array(UserId).max(20).optional(),
    checkinMarginMinutes: z.number().int().min(0).max(240).optional(),
    /** Links the event to a 微实事 project (category 微实事项目), whose page shows its hours. */
    projectId: ProjectId.optional(),
  })
  .strict()
  .refine((e) => e.endAt > e.startAt, { message: '结束时间须晚于开始时间', path: ['endAt'] })
  .refine((e) => e.signupDeadline <= e.endAt, {
    message: '报名截止时间不能晚于活动结束',
    path: ['signupDeadline'],
  });

export const ServiceRecordRow = z.object({
  eventId: EventId,
  title: z.string(),
  category: z.enum(EVENT_CATEGORIES),
  startAt: epochMs,
  endAt: epochMs,
  organiser: z.string(),
  minutes: z.number().int(),
  points: z.number().int(),
});

export const eventsContract = {
  list: defineAction({
    summary: 'Upcoming published events, by category and day',
    roles: ['resident'],
    input: z.object({ category: z.enum(EVENT_CATEGORIES).optional(), day: epochMs.optional() }).strict(),
    output: z.array(EventView),
  }),
  get: defineAction({
    summary: "One event with the caller's own participation",
    roles: ['resident'],
    input: z.object({ eventId: EventId }).strict(),
    output: EventView,
  }),
  mine: defineAction({
    summary: '我的活动: upcoming, waitlisted, past with hours, and the events the caller leads',
    roles: ['resident'],
    input: empty,
    output: z.object({
      upcoming: z.array(EventView),
      waitlisted: z.array(EventView),
      past: z.array(EventView),
      leading: z.array(EventView),
    }),
  }),
  signUp: defineAction({
    summary: 'Take a seat, or a place on the waitlist when full',
    roles: ['resident'],
    input: z.object({ eventId: EventId }).strict(),
    output: EventView,
  }),
  cancelSignUp: defineAction({
    summary: 'Give up a seat (or waitlist place) before the deadline; the first waiting is promoted',
    roles: ['resident'],
    input: z.object({ eventId: EventId }).strict(),
    output: EventView,
  }),
  signUpFor: defineAction({
    summary: 'Staff or a leader sign up a managed elderly resident on their behalf',
    roles: ['staff', 'volunteer'],
    input: z.object({ eventId: EventId, userId: UserId }).strict(),
    output: ParticipantView,
  }),
  save: defineAction({
    summary: 'Staff: create (as a draft) or edit an event',
    roles: ['staff'],
    input: EventInput,
    output: EventView,
  }),
  publish: defineAction({
    summary: 'Staff: publish a draft so residents can sign up',
    roles: ['staff'],
    input: z.object({ eventId: EventId }).strict(),
    output: EventView,
  }),
  cancel: defineAction({
    summary: 'Staff: cancel an event; everyone signed up is notified',
    roles: ['staff'],
    input: z.object({ eventId: EventId, reason: text(100).min(2, '请填写取消原因') }).strict(),
    output: EventView,
  }),
  allEvents: defineAction({
    summary:
      'Staff: every event (or those in one phase: drafts, upcoming, ongoing, ended, cancelled), latest start first, a page at a time',
    roles: ['staff'],
    input: z.object({ phase: z.enum(EVENT_PHASES).optional(), ...paging }).strict(),
    output: pageOf(EventView),
  }),
  signUpCandidates: defineAction({
    summary:
      'Leader: the managed residents (no smartphone) who may be signed up for an event, a page at a time',
    roles: ['staff', 'volunteer'],
    input: z.object({ eventId: EventId, keyword: text(20).optional(), ...paging }).strict(),
    output: pageOf(z.object({ id: UserId, name: z.string(), building: z.string() })),
  }),
  exportAttendance: defineAction({
    summary: "Leader: one page of an event's attendance list (签到名单) to save or print",
    roles: ['staff', 'volunteer'],
    input: z.object({ eventId: EventId, ...exportPaging }).strict(),
    output: ExportPage,
  }),
  checkinCode: defineAction({
    summary: 'Leader: the current signed 签到/签退 token (it changes every 30 s)',
    roles: ['staff', 'volunteer'],
    input: z.object({ eventId: EventId, purpose }).strict(),
    output: z.object({
      token: z.string(),
      /** What the QR holds: a link WeChat's 扫一扫 opens in the 扫码签到 page (`checkinLink`). */
      payload: z.string(),
      /** The six-digit 口令 of the same step, for a phone that cannot scan. */
      phrase: z.string(),
      expiresAt: epochMs,
      /** The server's time, so the phone schedules the next code by it, not by its own clock. */
      serverNow: epochMs,
    }),
  }),
  checkIn: defineAction({
    summary:
      "Check in with the leader's code: scanned (its link or token) or its six-digit 口令 typed; the server's time is recorded",
    roles: ['resident'],
    input: z
      .object({
        token: text(600).min(1, '请扫描签到码，或输入负责人手机上的口令'),
        eventId: EventId.optional(),
      })
      .strict(),
    output: EventView,
  }),
  checkOut: defineAction({
    summary: "Check out with the leader's code, scanned or its 口令 typed",
    roles: ['resident'],
    input: z
      .object({
        token: text(600).min(1, '请扫描签退码，或输入负责人手机上的口令'),
        eventId: EventId.optional(),
      })
      .strict(),
    output: EventView,
  }),
  leaderCheck: defineAction({
    summary:
      'Leader: check a participant in or out by their 电子志愿者证 (scanned, or its 证号 typed), or mark a managed resident present',
    roles: ['staff', 'volunteer'],
    input: z
      .object({ eventId: EventId, purpose, cardCode: text(300).optional(), userId: UserId.optional() })
      .strict()
      .refine((i) => Boolean(i.cardCode) !== Boolean(i.userId), {
        message: '请扫描志愿者证或选择居民',
        path: ['cardCode'],
      }),
    output: ParticipantView,
  }),
  participants: defineAction({
    summary: 'Leader: everyone signed up, with check-in times and proposed hours',
    roles: ['staff', 'volunteer'],
    input: z.object({ eventId: EventId }).strict(),
    output: z.array(ParticipantView),
  }),
  confirmHours: defineAction({
    summary: 'Leader: confirm everyone’s hours at once (edits need a reason); points are awarded once',
    roles: ['staff', 'volunteer'],
    input: z
      .object({
        eventId: EventId,
        adjustments: z
          .array(
            z
              .object({
                userId: UserId,
                minutes: z
                  .number()
                  .int()
                  .min(0)
                  .max(24 * 60),
                reason: text(100).min(2, '修改时长请填写原因'),
              })
              .strict(),
          )
          .max(500),
      })
      .strict(),
    output: z.array(ParticipantView),
  }),
  myServiceRecord: defineAction({
    summary: '我的服务记录 and the data of the 志愿服务证明',
    roles: ['resident'],
    input: empty,
    output: z.object({
      realName: z.string(),
      rows: z.array(ServiceRecordRow),
      years: z.array(
        z.object({
          year: z.number().int(),
          minutes: z.number().int(),
          points: z.number().int(),
          count: z.number().int(),
        }),
      ),
      totalMinutes: z.number().int(),
      /** The last twelve months, oldest first: the chart of hours served. */
      months: z.array(z.object({ key: z.string(), label: z.string(), minutes: z.number().int() })),
    }),
  }),
  myVolunteerCard: defineAction({
    summary: "The caller's 电子志愿者证: the QR's code and the eight-digit 证号 a leader can type",
    roles: ['volunteer'],
    input: empty,
    output: z.object({ name: z.string(), code: z.string(), number: z.string() }),
  }),
};
