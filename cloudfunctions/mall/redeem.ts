/**
 * Redeeming and un-redeeming. Each runs in one transaction that reads the order, the goods
 * and the account, decides with the pure rules, then writes stock, order, ledger entry and
 * stock record together — so stock, limits and balances hold under any concurrency.
 */
import { randomBytes } from 'crypto';
import {
  checkRedeem,
  pickupCodeFrom,
  pickupDeadline,
  requestFingerprint,
  assertCancellable,
} from '../../core/domain/mall';
import { ledgerKey } from '../../core/domain/points';
import { displayName } from '../../core/domain/users';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import type { HandlerContext } from '../runtime/context';
import { inTransaction, withoutId, type Transaction } from '../runtime/db';
import { loadAccount, postEntry } from '../points/ledger';
import {
  GOODS,
  ORDERS,
  STOCK_CHANGES,
  currentUsage,
  findGoods,
  findOrder,
  orderIdFor,
  pickupDays,
  usageKeyFor,
  type OrderDoc,
  type StockChangeFields,
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
  const days = await pickupDays(ctx.db);

  return inTransaction(ctx.db, async (tx) => {
    const existing = await findOrder(tx, orderId);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw new AppError('REQUEST_REUSED');
      return existing;
    }
    const goods = await findGoods(tx, request.goodsId);
    if (!goods) throw new AppError('NOT_FOUND');
    const account = await loadAccount(tx, userId);
    const usage = currentUsage(account.usage, ctx.now);
    const usageKey = usageKeyFor(goods._id, ctx.now);
    const cost = checkRedeem({
      goods,
      quantity: request.quantity,
      balance: account.balance,
      usedThisMonth: usage[usageKey] ?? 0,
    });

    const stockAfter = goods.stock - request.quantity;
    const order: OrderDoc = {
      _id: orderId,
      userId,
      userName: displayName(ctx.caller),
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
      fingerprint,
      createdAt: ctx.now,
      expiresAt: pickupDeadline(ctx.now, days),
      closedAt: null,
      closedBy: null,
    };
    await tx
      .collection(GOODS)
      .doc(goods._id)
      .update({ data: { stock: stockAfter, updatedAt: ctx.now } });
    await tx
      .collection(ORDERS)
      .doc(orderId)
      .set({ data: withoutId(order) });
    await postEntry(
      tx,
      account,
      {
        key: ledgerKey.redeem(orderId),
        userId,
        amount: -cost,
        kind: 'redeem',
        reason: `${goods.name} ×${request.quantity}`,
        sourceType: 'order',
        sourceId: orderId,
        operatorId: null,
      },
      ctx.now,
      { usage: { ...usage, [usageKey]: (usage[usageKey] ?? 0) + request.quantity } },
    );
    await recordStockChange(tx, {
      goodsId: goods._id,
      delta: -request.quantity,
      stockAfter,
      kind: 'redeem',
      reason: order.userName,
      orderId,
      operatorId: null,
      createdAt: ctx.now,
    });
    return order;
  });
}

export function recordStockChange(tx: Transaction, change: StockChangeFields): Promise<unknown> {
  // Keyed by the order for order-driven changes, so a change is recorded once.
  const id = change.orderId ? `${change.kind}_${change.orderId}` : undefined;
  return id
    ? tx.collection(STOCK_CHANGES).doc(id).set({ data: change })
    : tx.collection(STOCK_CHANGES).add({ data: change });
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
