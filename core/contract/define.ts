import { z } from 'zod';
import type { Role } from '../domain/roles';

/** What one cloud action promises: its input, its output and who may call it. */
export interface ActionSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line for docs and the authorization matrix. */
  summary: string;
  /** Any one of these roles may call the action; an empty list would lock it for everyone. */
  roles: readonly [Role, ...Role[]];
  input: I;
  output: O;
  /** Only the login action may register a first-time caller; every other action needs a user. */
  registers?: true;
}

export function defineAction<I extends z.ZodType, O extends z.ZodType>(
  spec: ActionSpec<I, O>,
): ActionSpec<I, O> {
  return spec;
}

/** Ids are opaque strings to the client; the brand keeps a UserId from being passed as another id. */
export const idSchema = <B extends string>() => z.string().trim().min(1).max(64).brand<B>();

export const UserId = idSchema<'UserId'>();
export type UserId = z.infer<typeof UserId>;
export const ApplicationId = idSchema<'ApplicationId'>();
export type ApplicationId = z.infer<typeof ApplicationId>;

export const GoodsId = idSchema<'GoodsId'>();
export type GoodsId = z.infer<typeof GoodsId>;
export const OrderId = idSchema<'OrderId'>();
export type OrderId = z.infer<typeof OrderId>;
export const EventId = idSchema<'EventId'>();
export type EventId = z.infer<typeof EventId>;
export const DonorId = idSchema<'DonorId'>();
export type DonorId = z.infer<typeof DonorId>;

/**
 * A client-generated id for one user intent (a tap), so a retried request is recognised.
 * 8–64 characters of letters, digits, dash and underscore.
 */
export const RequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号无效');

/**
 * An image the app stored: a CloudBase fileID, or a local-cloud upload. Arbitrary web
 * addresses are refused so no one can make the app show an image from elsewhere.
 */
export const storedImage = z
  .string()
  .trim()
  .max(500)
  .regex(/^(cloud:\/\/|\/uploads\/)\S+$/, '图片地址无效')
  .or(z.literal(''));

export const epochMs = z.number().int().nonnegative();

/** A mainland mobile number, as residents type it. */
export const phoneNumber = z
  .string()
  .trim()
  .length(11, '请输入11位手机号')
  .regex(/^1\d{10}$/, '请输入11位手机号');
export const empty = z.object({}).strict();

/**
 * Where the next page of a list starts: after this item, by its time (or another ordering
 * number) and then its id, so items with the same time are neither skipped nor repeated.
 */
export const Cursor = z.object({ at: z.number().int(), id: z.string().max(200) }).strict();
export type Cursor = z.infer<typeof Cursor>;

/** A page is at most this long (CloudBase answers at most 100 documents a query). */
export const PAGE_MAX = 50;
export const PAGE_DEFAULT = 20;

/** What a paged action takes besides its own filters: where to start and how many. */
export const paging = {
  cursor: Cursor.optional(),
  limit: z.number().int().min(1).max(PAGE_MAX).optional(),
};

/** One page of a list, newest (or first) first, and where the next one starts; null at the end. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: Cursor.nullable() });
}

/** One cell of an exported table: text or a number, as the CSV writes it. */
export const ExportCell = z.union([z.string(), z.number()]);

/**
 * At most this many rows a call: one database query's worth. A page reads one document more
 * than it returns (to tell whether another follows) and CloudBase answers at most 100.
 */
export const EXPORT_PAGE_MAX = 99;

/** What an export action takes besides its own filters: where to start and how many rows. */
export const exportPaging = {
  cursor: Cursor.optional(),
  limit: z.number().int().min(1).max(EXPORT_PAGE_MAX).optional(),
};

/**
 * One page of an export (a table staff save as CSV or print): every export is read a page at a
 * time until `next` is null, never cut off; `total` counts the whole export, for progress.
 */
export const ExportPage = z.object({
  /** The file's name, e.g. `志愿服务记录-2026年11月.csv`. */
  filename: z.string(),
  /** The table's heading on the printable page. */
  title: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(ExportCell)),
  next: Cursor.nullable(),
  total: z.number().int(),
});
export type ExportPage = z.infer<typeof ExportPage>;

/** A span of time [from, to) an export or a report covers: at most a little over a year. */
export const Period = {
  from: epochMs,
  to: epochMs,
};
export const PERIOD_MAX_MS = 367 * 24 * 60 * 60 * 1000;
