/**
 * Redemptions of one goods item decided in batches (runtime/combining.ts): every redemption
 * changes the item's stock, so a rush on a popular item would otherwise serialise on the goods
 * document. A drain decides the waiting redemptions in arrival order with the same rules as a
 * single one (priceOf: shelf, stock, per-order and per-month limits, balance), keeping each
 * buyer's account as it changes within the batch, then writes orders, ledger entries, stock
 * records and each account once, and the goods document last.
 */
import { randomBytes } from 'crypto';
import { checkRedeem, pickupCodeFrom, pickupDeadline } from '../../core/domain/mall';
import { ledgerKey } from '../../core/domain/points';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import {
  assertDecidedFor,
  maintenanceJob,
  refusal,
  submit,
  type Combiner,
  type Decision,
  type QueuedFields,
} from '../runtime/combining';
import type { HandlerContext } from '../runtime/context';
import { withoutId, type Transaction } from '../runtime/db';
import { ACCOUNTS, ENTRIES, loadAccount, nextEntry, type AccountDoc } from '../points/ledger';
import {
  GOODS,
  ORDERS,
  currentUsage,
  findGoods,
  findOrder,
  recordStockChange,
  usageKeyFor,
  type GoodsDoc,
  type OrderDoc,
} from './store';

/** What the redemption queue decides on: who wants how many of which goods (`target`). */
export interface RedeemIntent {
  target: string;
  userId: string;
  userName: string;
  quantity: number;
  fingerprint: string;
  pickupDays: number;
  requestedAt: EpochMs;
}

/** The cost of the redemption if the rules allow it, against documents read together. */
export function priceOf(
  goods: GoodsDoc | null,
  account: AccountDoc,
  request: { quantity: number },
  now: EpochMs,
): { goods: GoodsDoc; cost: number; usage: Record<string, number>; usageKey: string } {
  if (!goods) throw new AppError('NOT_FOUND');
  const usage = currentUsage(account.usage, now);
  const usageKey = usageKeyFor(goods._id, now);
  const cost = checkRedeem({
    goods,
    quantity: request.quantity,
    balance: account.balance,
    usedThisMonth: usage[usageKey] ?? 0,
  });
  return { goods, cost, usage, usageKey };
}

/** The order a decided redemption creates: stock already checked, points already priced. */
export function newOrder(
  orderId: string,
  request: RedeemIntent,
  goods: GoodsDoc,
  cost: number,
  usageKey: string,
  now: EpochMs,
): OrderDoc {
  return {
    _id: orderId,
    userId: request.userId,
    userName: request.userName,
    goodsId: goods._id,
    goodsName: goods.name,
    photoUrl: goods.photoUrl,
    quantity: request.quantity,
    points: cost,
    status: 'awaiting_pickup',
    pickupCode: pickupCodeFrom(randomBytes(8)),
    pickupPlace: goods.pickupPlace,
    pickupHours: goods.pickupHours,
    usageKey,
    fingerprint: request.fingerprint,
    createdAt: now,
    expiresAt: pickupDeadline(now, request.pickupDays),
    closedAt: null,
    closedBy: null,
  };
}

export const REDEEM_QUEUE = 'redeem_queue';
const REDEEMED = ['redeemed'] as const;

/** A redemption waiting for its turn; its id is the order id it will create. */
export type RedeemRequestFields = RedeemIntent & QueuedFields;

const redemptions: Combiner<RedeemRequestFields> = {
  queue: REDEEM_QUEUE,
  collection: GOODS,
  // Each redemption writes four documents: fifty keep a batch's transaction within a few hundred writes.
  batch: 50,
  async decide(tx: Transaction, goodsId, requests, now) {
    const buyers = [...new Set(requests.map((r) => r.userId))];
    const [found, orders, accountList] = await Promise.all([
      findGoods(tx, goodsId),
      Promise.all(requests.map((r) => findOrder(tx, r._id))),
      Promise.all(buyers.map((userId) => loadAccount(tx, userId))),
    ]);
    const accounts = new Map<string, AccountDoc>(accountList.map((a) => [a.userId, a]));
    const changed = new Set<string>();
    const decisions = new Map<string, Decision>();
    const writes: Promise<unknown>[] = [];
    let goods = found;
    requests.forEach((request, i) => {
      const existing = orders[i];
      if (existing) {
        // Decided and paid before (a retried request found its order): nothing more to do.
        decisions.set(
          request._id,
          existing.fingerprint === request.fingerprint
            ? { outcome: 'redeemed' }
            : { outcome: 'REQUEST_REUSED' },
        );
        return;
      }
      const account = accounts.get(request.userId) as AccountDoc;
      let priced: ReturnType<typeof priceOf>;
      try {
        // The month it counts in, and its pickup days, run from when the resident asked.
        priced = priceOf(goods, account, request, request.requestedAt);
      } catch (error) {
        decisions.set(request._id, refusal(error));
        return;
      }
      const { cost, usage, usageKey } = priced;
      const stockAfter = priced.goods.stock - request.quantity;
      const order = newOrder(request._id, request, priced.goods, cost, usageKey, request.requestedAt);
      const posted = nextEntry(
        account,
        {
          key: ledgerKey.redeem(order._id),
          userId: request.userId,
          amount: -cost,
          kind: 'redeem',
          reason: `${priced.goods.name} ×${request.quantity}`,
          sourceType: 'order',
          sourceId: order._id,
          operatorId: null,
        },
        now,
        { usage: { ...usage, [usageKey]: (usage[usageKey] ?? 0) + request.quantity } },
      );
      accounts.set(request.userId, posted.account);
      changed.add(request.userId);
      goods = { ...priced.goods, stock: stockAfter };
      writes.push(
        tx
          .collection(ORDERS)
          .doc(order._id)
          .set({ data: withoutId(order) }),
        tx
          .collection(ENTRIES)
          .doc(posted.entry._id)
          .set({ data: withoutId(posted.entry) }),
        recordStockChange(tx, {
          goodsId,
          delta: -request.quantity,
          stockAfter,
          kind: 'redeem',
          reason: request.userName,
          orderId: order._id,
          operatorId: null,
          createdAt: now,
        }),
      );
      decisions.set(request._id, { outcome: 'redeemed' });
    });
    for (const userId of changed) {
      const account = accounts.get(userId) as AccountDoc;
      writes.push(
        tx
          .collection(ACCOUNTS)
          .doc(account._id)
          .set({ data: withoutId(account) }),
      );
    }
    await Promise.all(writes);
    if (goods && goods !== found) {
      await tx
        .collection(GOODS)
        .doc(goodsId)
        .update({ data: { stock: goods.stock, updatedAt: now } });
    }
    return decisions;
  },
};

/** Queue the redemption that creates order `orderId` and wait until it is decided; throws its refusal. */
export async function redeemThroughQueue(
  ctx: HandlerContext,
  orderId: string,
  intent: RedeemIntent,
): Promise<void> {
  const request: RedeemRequestFields = {
    ...intent,
    status: 'waiting',
    outcome: null,
    message: null,
    decidedAt: null,
  };
  assertDecidedFor(await submit(ctx.db, redemptions, orderId, request, ctx.now), REDEEMED);
}

export const redeemQueueJob = maintenanceJob('maintainRedeemQueue', redemptions);
