/** Orders as residents and staff see them, and 核销 (pickup verification). */
import { assertPickable, normalizePickupCode } from '../../core/domain/mall';
import { AppError } from '../../core/errors';
import { recordAudit } from '../runtime/audit';
import { inTransaction, type Database } from '../runtime/db';
import { findPage, mapPage } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { cancelOwnOrder, redeemGoods } from './redeem';
import { ORDERS, findOrder, type OrderDoc, type OrderFields } from './store';
import { toOrderView } from './views';

export const redeem: Handler<'mall', 'redeem'> = async (input, ctx) =>
  toOrderView(await redeemGoods(ctx, input));

export const myOrders: Handler<'mall', 'myOrders'> = async (input, ctx) =>
  mapPage(await findPage<OrderFields>(ctx.db, ORDERS, { userId: ctx.caller._id }, input), toOrderView);

export const getOrder: Handler<'mall', 'getOrder'> = async (input, ctx) => {
  const order = await findOrder(ctx.db, input.orderId);
  if (!order || (order.userId !== ctx.caller._id && !ctx.roles.includes('staff')))
    throw new AppError('NOT_FOUND');
  return toOrderView(order);
};

export const cancelOrder: Handler<'mall', 'cancelOrder'> = async (input, ctx) =>
  toOrderView(await cancelOwnOrder(ctx, input.orderId));

export const listOrders: Handler<'mall', 'listOrders'> = async (input, ctx) =>
  mapPage(await findPage<OrderFields>(ctx.db, ORDERS, { status: input.status }, input), toOrderView);

/** The live order behind a code. Codes are random, so at most one order awaits pickup with it. */
async function orderByCode(db: Database, rawCode: string): Promise<OrderDoc> {
  const code = normalizePickupCode(rawCode);
  const res = (await db
    .collection(ORDERS)
    .where({ pickupCode: code })
    .orderBy('createdAt', 'desc')
    .limit(1)
    .get()) as unknown as {
    data: OrderDoc[];
  };
  const order = res.data[0];
  if (!order) throw new AppError('PICKUP_CODE_UNKNOWN');
  return order;
}

export const lookupPickup: Handler<'mall', 'lookupPickup'> = async (input, ctx) =>
  toOrderView(await orderByCode(ctx.db, input.code));

export const verifyPickup: Handler<'mall', 'verifyPickup'> = async (input, ctx) => {
  const found = await orderByCode(ctx.db, input.code);
  const picked = await inTransaction(ctx.db, async (tx) => {
    const order = await findOrder(tx, found._id);
    if (!order) throw new AppError('PICKUP_CODE_UNKNOWN');
    assertPickable(order.status, order.expiresAt, ctx.now);
    const changes = { status: 'picked_up' as const, closedAt: ctx.now, closedBy: ctx.caller._id };
    await tx.collection(ORDERS).doc(order._id).update({ data: changes });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'mall.pickup',
      targetId: order._id,
      onBehalfOf: order.userId,
      detail: `${order.goodsName} ×${order.quantity}`,
      at: ctx.now,
    });
    return { ...order, ...changes };
  });
  return toOrderView(picked);
};
