import type { DonorView, GoodsView, OrderView, StockChangeView } from '../../core/contract';
import type { Doc } from '../runtime/db';
import type { DonorFields, GoodsDoc, OrderDoc, StockChangeFields } from './store';

export function toGoodsView(goods: GoodsDoc): GoodsView {
  return {
    id: goods._id as GoodsView['id'],
    name: goods.name,
    photoUrl: goods.photoUrl,
    description: goods.description,
    price: goods.price,
    stock: goods.stock,
    perOrderLimit: goods.perOrderLimit,
    perMonthLimit: goods.perMonthLimit,
    donorId: goods.donorId,
    donorName: goods.donorName,
    pickupPlace: goods.pickupPlace,
    pickupHours: goods.pickupHours,
    onShelf: goods.onShelf,
  };
}

export function toOrderView(order: OrderDoc): OrderView {
  return {
    id: order._id as OrderView['id'],
    userId: order.userId as OrderView['userId'],
    userName: order.userName,
    goodsId: order.goodsId as OrderView['goodsId'],
    goodsName: order.goodsName,
    photoUrl: order.photoUrl,
    quantity: order.quantity,
    points: order.points,
    status: order.status,
    pickupCode: order.pickupCode,
    pickupPlace: order.pickupPlace,
    pickupHours: order.pickupHours,
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    closedAt: order.closedAt,
  };
}

export function toStockChangeView(change: Doc<StockChangeFields>): StockChangeView {
  return {
    id: change._id,
    delta: change.delta,
    stockAfter: change.stockAfter,
    kind: change.kind,
    reason: change.reason,
    createdAt: change.createdAt,
  };
}

export function toDonorView(donor: Doc<DonorFields>): DonorView {
  return { id: donor._id as DonorView['id'], name: donor.name, kind: donor.kind, contact: donor.contact };
}
