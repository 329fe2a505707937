/**
 * Redeeming and un-redeeming. A redemption is decided in a transaction that reads the order,
 * the goods and the account, decides with the pure rules, then writes stock, order, ledger entry
 * and stock record together — so stock, limits and balances hold under any concurrency. Many
 * redemptions of one goods item are decided together, in batches (redeem-queue.ts).
 */
import { assertCancellable, requestFingerprint } from '../../core/domain/mall';
import { ledgerKey } from '../../core/domain/points';
import { displayName } from '../../core/domain/users';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import type { HandlerContext } from '../runtime/context';
import { inTransaction, type Transaction } from '../runtime/db';
import { loadAccount, postEntry } from '../points/ledger';
import { priceOf, redeemThroughQueue } from './redeem-queue';
import {
  GOODS,
  ORDERS,
  currentUsage,
  findGoods,
  findOrder,
  orderIdFor,
  pickupDays,
  recordStockChange,
  type OrderDoc,
} from './store';

export interface RedeemRequest {
  goodsId: string;
  quantity: number;
  requestId: string;
}

export async function redeemGoods(ctx: HandlerContext, request: RedeemRequest): Promise<OrderDoc> {
  const userId = ctx.caller._id;
  const orderId = orderIdFor(userId, request.requestId);
  const fingerprint = requestFingerprint({ goodsId: request.goodsId, quantity: request.quantity });
  const sameRequest = (order: OrderDoc) => {
    if (order.fingerprint !== fingerprint) throw new AppError('REQUEST_REUSED');
    return order;
  };

  // Refuse from committed data first: when a rush empties the shelf, the hundreds who are too
  // late get their answer from a few reads instead of queueing on the goods document.
  const [earlier, goods, account, days] = await Promise.all([
    findOrder(ctx.db, orderId),
    findGoods(ctx.db, request.goodsId),
    loadAccount(ctx.db, userId),
    pickupDays(ctx.db),
  ]);
  if (earlier) return sameRequest(earlier);
  priceOf(goods, account, request, ctx.now);

  // The decision itself is taken with everyone else's for this goods item (redeem-queue.ts).
  await redeemThroughQueue(ctx, orderId, {
    target: request.goodsId,
    userId,
    userName: displayName(ctx.caller),
    quantity: request.quantity,
    fingerprint,
    pickupDays: days,
    requestedAt: ctx.now,
  });
  const order = await findOrder(ctx.db, orderId);
  if (!order) throw new AppError('INTERNAL');
  return sameRequest(order);
}

export type CloseReason = { status: 'cancelled'; by: string } | { status: 'expired'; by: null };

/**
 * Cancel (by the resident) or expire (by the job) an order awaiting pickup: refund the
 * points, restore the stock and the month's allowance. `order` must have been read in this
 * transaction, so racing closers and pickups see one another and the order closes once.
 */
export async function closeOrder(
  tx: Transaction,
  order: OrderDoc,
  reason: CloseReason,
  now: EpochMs,
): Promise<OrderDoc> {
  assertCancellable(order.status);
  const goods = await findGoods(tx, order.goodsId);
  const account = await loadAccount(tx, order.userId);

  const closed: OrderDoc = { ...order, status: reason.status, closedAt: now, closedBy: reason.by };
  await tx
    .collection(ORDERS)
    .doc(order._id)
    .update({ data: { status: closed.status, closedAt: now, closedBy: reason.by } });
  const usage = currentUsage(account.usage, now);
  if (usage[order.usageKey]) usage[order.usageKey] = Math.max(0, usage[order.usageKey] - order.quantity);
  const label = reason.status === 'cancelled' ? '取消兑换' : '逾期未领取';
  await postEntry(
    tx,
    account,
    {
      key: ledgerKey.refund(order._id),
      userId: order.userId,
      amount: order.points,
      kind: 'refund',
      reason: `${label} ${order.goodsName} ×${order.quantity}`,
      sourceType: 'order',
      sourceId: order._id,
      operatorId: null,
    },
    now,
    { usage },
  );
  if (goods) {
    const stockAfter = goods.stock + order.quantity;
    await tx
      .collection(GOODS)
      .doc(goods._id)
      .update({ data: { stock: stockAfter, updatedAt: now } });
    await recordStockChange(tx, {
      goodsId: goods._id,
      delta: order.quantity,
      stockAfter,
      kind: reason.status === 'cancelled' ? 'cancel' : 'expire',
      reason: label,
      orderId: order._id,
      operatorId: reason.by,
      createdAt: now,
    });
  }
  return closed;
}

export function cancelOwnOrder(ctx: HandlerContext, orderId: string): Promise<OrderDoc> {
  return inTransaction(ctx.db, async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order || order.userId !== ctx.caller._id) throw new AppError('NOT_FOUND');
    return closeOrder(tx, order, { status: 'cancelled', by: ctx.caller._id }, ctx.now);
  });
}
