/** The shelf as residents see it, and staff management of goods and stock. */
import { randomBytes } from 'crypto';
import { AppError } from '../../core/errors';
import { assertCleanText } from '../runtime/content';
import { redeemAllowance } from '../../core/domain/mall';
import { recordAudit } from '../runtime/audit';
import { findAll, findById, inTransaction } from '../runtime/db';
import { findPage, mapPage } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { loadAccount } from '../points/ledger';
import {
  DONORS,
  GOODS,
  STOCK_CHANGES,
  currentUsage,
  findGoods,
  recordStockChange,
  usageKeyFor,
  type DonorFields,
  type GoodsDoc,
  type GoodsFields,
  type StockChangeFields,
} from './store';
import { toGoodsView, toStockChangeView } from './views';

export const listGoods: Handler<'mall', 'listGoods'> = async (_input, ctx) =>
  (
    await findAll<GoodsFields>(ctx.db.collection(GOODS).where({ onShelf: true }).orderBy('price', 'asc'), 500)
  ).map(toGoodsView);

export const getGoods: Handler<'mall', 'getGoods'> = async (input, ctx) => {
  const goods = await findGoods(ctx.db, input.goodsId);
  if (!goods || (!goods.onShelf && !ctx.roles.includes('staff'))) throw new AppError('NOT_FOUND');
  const account = await loadAccount(ctx.db, ctx.caller._id);
  const usage = currentUsage(account.usage, ctx.now);
  const usedThisMonth = usage[usageKeyFor(goods._id, ctx.now)] ?? 0;
  return {
    goods: toGoodsView(goods),
    usedThisMonth,
    balance: account.balance,
    allowance: redeemAllowance(goods, usedThisMonth, account.balance),
  };
};

export const allGoods: Handler<'mall', 'allGoods'> = async (input, ctx) =>
  mapPage(await findPage<GoodsFields>(ctx.db, GOODS, {}, input), toGoodsView);

export const saveGoods: Handler<'mall', 'saveGoods'> = async (input, ctx) => {
  await assertCleanText(ctx, input.name, input.description);
  const donor = input.donorId ? await findById<DonorFields>(ctx.db, DONORS, input.donorId) : null;
  if (input.donorId && !donor) throw new AppError('NOT_FOUND', '捐赠单位不存在');
  const details = {
    name: input.name,
    photoUrl: input.photoUrl ?? '',
    description: input.description ?? '',
    price: input.price,
    perOrderLimit: input.perOrderLimit,
    perMonthLimit: input.perMonthLimit,
    donorId: donor?._id ?? '',
    donorName: donor?.name ?? '',
    pickupPlace: input.pickupPlace,
    pickupHours: input.pickupHours,
    onShelf: input.onShelf,
    updatedAt: ctx.now,
  };
  const saved = await inTransaction(ctx.db, async (tx): Promise<GoodsDoc> => {
    if (input.goodsId) {
      const goods = await findGoods(tx, input.goodsId);
      if (!goods) throw new AppError('NOT_FOUND');
      await tx.collection(GOODS).doc(goods._id).update({ data: details });
      await recordAudit(tx, {
        actorId: ctx.caller._id,
        action: 'mall.goods_edit',
        targetId: goods._id,
        detail: details.name,
        at: ctx.now,
      });
      return { ...goods, ...details };
    }
    const id = 'g' + randomBytes(12).toString('hex');
    const stock = input.initialStock ?? 0;
    const created: GoodsDoc = { _id: id, ...details, stock, createdAt: ctx.now };
    const { _id, ...fields } = created;
    await tx.collection(GOODS).doc(_id).set({ data: fields });
    await recordStockChange(tx, {
      goodsId: id,
      delta: stock,
      stockAfter: stock,
      kind: 'create',
      reason: donor ? `${donor.name}捐赠` : '上架',
      orderId: null,
      operatorId: ctx.caller._id,
      createdAt: ctx.now,
    });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'mall.goods_create',
      targetId: id,
      detail: `${details.name}，库存 ${stock}`,
      at: ctx.now,
    });
    return created;
  });
  return toGoodsView(saved);
};

export const setShelf: Handler<'mall', 'setShelf'> = async (input, ctx) => {
  const goods = await inTransaction(ctx.db, async (tx) => {
    const found = await findGoods(tx, input.goodsId);
    if (!found) throw new AppError('NOT_FOUND');
    await tx
      .collection(GOODS)
      .doc(found._id)
      .update({ data: { onShelf: input.onShelf, updatedAt: ctx.now } });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: input.onShelf ? 'mall.shelf_on' : 'mall.shelf_off',
      targetId: found._id,
      detail: found.name,
      at: ctx.now,
    });
    return { ...found, onShelf: input.onShelf };
  });
  return toGoodsView(goods);
};

export const restock: Handler<'mall', 'restock'> = async (input, ctx) => {
  const changeId = `restock_${input.requestId}`;
  const goods = await inTransaction(ctx.db, async (tx) => {
    const current = await findGoods(tx, input.goodsId);
    if (!current) throw new AppError('NOT_FOUND');
    // A retried restock finds its own record and changes nothing.
    const earlier = await findById<StockChangeFields>(tx, STOCK_CHANGES, changeId);
    if (earlier) {
      // A retry must be the same change; the same id with another amount is a new intent.
      if (earlier.goodsId !== current._id || earlier.delta !== input.delta)
        throw new AppError('REQUEST_REUSED');
      return current;
    }
    const stockAfter = current.stock + input.delta;
    if (stockAfter < 0) throw new AppError('STOCK_NEGATIVE');
    await tx
      .collection(GOODS)
      .doc(current._id)
      .update({ data: { stock: stockAfter, updatedAt: ctx.now } });
    const change: StockChangeFields = {
      goodsId: current._id,
      delta: input.delta,
      stockAfter,
      kind: 'restock',
      reason: input.reason,
      orderId: null,
      operatorId: ctx.caller._id,
      createdAt: ctx.now,
    };
    await tx.collection(STOCK_CHANGES).doc(changeId).set({ data: change });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'mall.restock',
      targetId: current._id,
      detail: `${current.name} ${input.delta > 0 ? '+' : ''}${input.delta}：${input.reason}`,
      at: ctx.now,
    });
    return { ...current, stock: stockAfter };
  });
  return toGoodsView(goods);
};

export const stockHistory: Handler<'mall', 'stockHistory'> = async (input, ctx) =>
  mapPage(
    await findPage<StockChangeFields>(ctx.db, STOCK_CHANGES, { goodsId: input.goodsId }, input),
    toStockChangeView,
  );
