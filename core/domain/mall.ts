/**
 * 爱心超市 rules: what may be redeemed, by whom, how often; orders and pickup codes.
 * Stock and limits are checked here; the caller runs the check and the writes in one
 * transaction so they hold under concurrency.
 */
import { AppError } from '../errors';
import { DAY_MS, startOfDay, type EpochMs } from '../time';

export interface GoodsRules {
  onShelf: boolean;
  stock: number;
  price: number;
  perOrderLimit: number;
  perMonthLimit: number;
}

export interface RedeemCheck {
  goods: GoodsRules;
  quantity: number;
  balance: number;
  /** Quantity of this goods the resident already holds in live orders this month. */
  usedThisMonth: number;
}

/** What a redemption of `quantity` items costs. */
export function redeemCost(price: number, quantity: number): number {
  return price * quantity;
}

/** The points a redemption costs, or the first reason it is refused. */
export function checkRedeem({ goods, quantity, balance, usedThisMonth }: RedeemCheck): number {
  if (!goods.onShelf) throw new AppError('OFF_SHELF');
  if (goods.stock < quantity)
    throw new AppError('OUT_OF_STOCK', goods.stock > 0 ? `库存仅剩${goods.stock}件` : undefined);
  if (quantity > goods.perOrderLimit) throw new AppError('OVER_LIMIT', `每单限兑${goods.perOrderLimit}件`);
  if (usedThisMonth + quantity > goods.perMonthLimit) {
    const left = Math.max(0, goods.perMonthLimit - usedThisMonth);
    throw new AppError('OVER_LIMIT', `每月限兑${goods.perMonthLimit}件，本月还可兑${left}件`);
  }
  const cost = redeemCost(goods.price, quantity);
  if (cost > balance) throw new AppError('POINTS_INSUFFICIENT', `积分不足：需要${cost}分，当前${balance}分`);
  return cost;
}

export interface RedeemAllowance {
  /** The most a resident may redeem in one order right now; 0 when `blocked`. */
  max: number;
  /** How many more this month's limit allows. */
  monthLeft: number;
  /** Why nothing can be redeemed, in a few words for the button; '' when something can. */
  blocked: string;
}

/**
 * How many a resident may redeem now: the page offers exactly what `checkRedeem` would
 * accept (every quantity from 1 to `max` passes it, `max + 1` does not).
 */
export function redeemAllowance(goods: GoodsRules, usedThisMonth: number, balance: number): RedeemAllowance {
  const monthLeft = Math.max(0, goods.perMonthLimit - usedThisMonth);
  const affordable = Math.floor(balance / goods.price);
  const max = goods.onShelf
    ? Math.max(0, Math.min(goods.stock, goods.perOrderLimit, monthLeft, affordable))
    : 0;
  const blocked = !goods.onShelf
    ? '已下架'
    : goods.stock <= 0
      ? '已兑完'
      : monthLeft === 0
        ? '本月已达限兑'
        : affordable < 1
          ? '积分不足'
          : '';
  return { max, monthLeft, blocked };
}

export const ORDER_STATUSES = ['awaiting_pickup', 'picked_up', 'cancelled', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  awaiting_pickup: '待领取',
  picked_up: '已领取',
  cancelled: '已取消',
  expired: '逾期已取消',
};

export function assertCancellable(status: OrderStatus): void {
  if (status !== 'awaiting_pickup') throw new AppError('ORDER_NOT_CANCELLABLE');
}

export function assertPickable(status: OrderStatus, expiresAt: EpochMs, now: EpochMs): void {
  if (status !== 'awaiting_pickup' || now >= expiresAt) throw new AppError('ORDER_NOT_PICKABLE');
}

export const STOCK_CHANGE_KINDS = ['create', 'restock', 'redeem', 'cancel', 'expire'] as const;
export type StockChangeKind = (typeof STOCK_CHANGE_KINDS)[number];

export const STOCK_CHANGE_KIND_LABELS: Record<StockChangeKind, string> = {
  create: '上架',
  restock: '补货/报损',
  redeem: '兑换',
  cancel: '取消退回',
  expire: '逾期退回',
};

/** Who gives goods to the 爱心超市. */
export const DONOR_KINDS = ['merchant', 'partner'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];
export const DONOR_KIND_LABELS: Record<DonorKind, string> = { merchant: '爱心商家', partner: '共建单位' };

export const DEFAULT_PICKUP_DAYS = 7;

/**
 * The end of the last pickup day: an order made on the 1st with 7 pickup days may be collected
 * until the 8th closes (community time), not until the minute it was made a week later — the
 * desk is only open by day.
 */
export function pickupDeadline(createdAt: EpochMs, pickupDays: number): EpochMs {
  return startOfDay(createdAt + pickupDays * DAY_MS) + DAY_MS - 1;
}

/** No 0/O, 1/I/L: codes are read aloud and typed by staff. 30^8 ≈ 6.6e11 codes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ2345678';
export const PICKUP_CODE_LENGTH = 8;

/** A pickup code from random bytes (the caller supplies them, so this stays pure). */
export function pickupCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < PICKUP_CODE_LENGTH) throw new Error('need more random bytes');
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i += 1) code += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length];
  return code;
}

/** What staff typed or scanned → the stored code: case, spaces, dashes and the QR prefix ignored. */
export function normalizePickupCode(input: string): string {
  return input
    .trim()
    .replace(/^llt:pickup:/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

/** `ABCD-EFGH`: easier to read out. */
export function formatPickupCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the order's QR code carries. */
export function pickupQrPayload(code: string): string {
  return `llt:pickup:${code}`;
}

/**
 * A stable fingerprint of a request's meaningful input, so a retry with the same request id
 * is recognised and the same id with different input is refused.
 */
export function requestFingerprint(input: Record<string, string | number | boolean>): string {
  return Object.keys(input)
    .sort()
    .map((key) => `${key}=${String(input[key])}`)
    .join('&');
}
