/** The 爱心超市 collections and their document shapes. */
import { createHash } from 'crypto';
import {
  DEFAULT_PICKUP_DAYS,
  type DonorKind,
  type OrderStatus,
  type StockChangeKind,
} from '../../core/domain/mall';
import { monthKey, type EpochMs } from '../../core/time';
import { CONFIG } from '../runtime/config';
import {
  findById,
  inTransaction,
  type Database,
  type Doc,
  type DocReader,
  type Transaction,
} from '../runtime/db';

export const GOODS = 'goods';
export const ORDERS = 'orders';
export const STOCK_CHANGES = 'stock_changes';
export const DONORS = 'donors';
const MALL_CONFIG_ID = 'mall';

export interface GoodsFields {
  name: string;
  photoUrl: string;
  description: string;
  price: number;
  stock: number;
  perOrderLimit: number;
  perMonthLimit: number;
  donorId: string;
  donorName: string;
  pickupPlace: string;
  pickupHours: string;
  onShelf: boolean;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
export type GoodsDoc = Doc<GoodsFields>;

export interface OrderFields {
  userId: string;
  userName: string;
  goodsId: string;
  goodsName: string;
  photoUrl: string;
  quantity: number;
  points: number;
  status: OrderStatus;
  pickupCode: string;
  pickupPlace: string;
  pickupHours: string;
  /** The account usage key this order counts against (`<YYYY-MM>|<goodsId>`). */
  usageKey: string;
  /** What the request asked for, so a retry with other input is refused. */
  fingerprint: string;
  createdAt: EpochMs;
  expiresAt: EpochMs;
  closedAt: EpochMs | null;
  closedBy: string | null;
}
export type OrderDoc = Doc<OrderFields>;

export interface StockChangeFields {
  goodsId: string;
  delta: number;
  stockAfter: number;
  kind: StockChangeKind;
  reason: string;
  orderId: string | null;
  operatorId: string | null;
  createdAt: EpochMs;
}

export interface DonorFields {
  name: string;
  kind: DonorKind;
  contact: string;
  createdAt: EpochMs;
}

export const findGoods = (source: DocReader, id: string) => findById<GoodsFields>(source, GOODS, id);
export const findOrder = (source: DocReader, id: string) => findById<OrderFields>(source, ORDERS, id);

/** One order per (user, request id): a retried request finds the order it already made. */
export function orderIdFor(userId: string, requestId: string): string {
  return 'o' + createHash('sha256').update(`${userId}:${requestId}`).digest('hex').slice(0, 24);
}

export function usageKeyFor(goodsId: string, at: EpochMs): string {
  return `${monthKey(at)}|${goodsId}`;
}

/** Usage of the current month only: older months can no longer limit anything. */
export function currentUsage(usage: Record<string, number>, now: EpochMs): Record<string, number> {
  const month = monthKey(now);
  return Object.fromEntries(Object.entries(usage).filter(([key]) => key.startsWith(`${month}|`)));
}

/**
 * The pickup window is read on every redemption, so each function instance keeps it for a
 * minute (one database round-trip fewer); a change reaches other instances within that.
 */
const CONFIG_TTL_MS = 60_000;
let cachedPickupDays: { db: Database; days: number; readAt: number } | null = null;

export async function pickupDays(db: Database): Promise<number> {
  const now = Date.now();
  if (cachedPickupDays?.db === db && now - cachedPickupDays.readAt < CONFIG_TTL_MS)
    return cachedPickupDays.days;
  const config = await findById<{ pickupDays: number }>(db, CONFIG, MALL_CONFIG_ID);
  const days = config?.pickupDays ?? DEFAULT_PICKUP_DAYS;
  cachedPickupDays = { db, days, readAt: now };
  return days;
}

/** Save the setting in `tx`, with its audit record; the cache of `db` learns it after the commit. */
export async function savePickupDays(db: Database, days: number, audit: (tx: Transaction) => Promise<void>) {
  await inTransaction(db, async (tx) => {
    await tx
      .collection(CONFIG)
      .doc(MALL_CONFIG_ID)
      .set({ data: { pickupDays: days } });
    await audit(tx);
  });
  cachedPickupDays = { db, days, readAt: Date.now() };
}

export function recordStockChange(tx: Transaction, change: StockChangeFields): Promise<unknown> {
  // Keyed by the order for order-driven changes, so a change is recorded once.
  const id = change.orderId ? `${change.kind}_${change.orderId}` : undefined;
  return id
    ? tx.collection(STOCK_CHANGES).doc(id).set({ data: change })
    : tx.collection(STOCK_CHANGES).add({ data: change });
}
