import { z } from 'zod';
import { DONOR_KINDS, ORDER_STATUSES, STOCK_CHANGE_KINDS } from '../domain/mall';
import {
  DonorId,
  GoodsId,
  OrderId,
  RequestId,
  UserId,
  defineAction,
  empty,
  epochMs,
  pageOf,
  paging,
  storedImage,
} from './define';

const text = (max: number) => z.string().trim().max(max);
const count = (max: number) => z.number().int().min(1).max(max);

export const DonorView = z.object({
  id: DonorId,
  name: z.string(),
  kind: z.enum(DONOR_KINDS),
  contact: z.string(),
});
export type DonorView = z.infer<typeof DonorView>;

export const GoodsView = z.object({
  id: GoodsId,
  name: z.string(),
  photoUrl: z.string(),
  description: z.string(),
  price: z.number().int(),
  stock: z.number().int(),
  perOrderLimit: z.number().int(),
  perMonthLimit: z.number().int(),
  donorName: z.string(),
  donorId: z.string(),
  pickupPlace: z.string(),
  pickupHours: z.string(),
  onShelf: z.boolean(),
});
export type GoodsView = z.infer<typeof GoodsView>;

export const OrderView = z.object({
  id: OrderId,
  userId: UserId,
  userName: z.string(),
  goodsId: GoodsId,
  goodsName: z.string(),
  photoUrl: z.string(),
  quantity: z.number().int(),
  points: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  pickupCode: z.string(),
  pickupPlace: z.string(),
  pickupHours: z.string(),
  createdAt: epochMs,
  expiresAt: epochMs,
  closedAt: epochMs.nullable(),
});
export type OrderView = z.infer<typeof OrderView>;

export const StockChangeView = z.object({
  id: z.string(),
  delta: z.number().int(),
  stockAfter: z.number().int(),
  kind: z.enum(STOCK_CHANGE_KINDS),
  reason: z.string(),
  createdAt: epochMs,
});
export type StockChangeView = z.infer<typeof StockChangeView>;

const GoodsInput = z
  .object({
    goodsId: GoodsId.optional(),
    name: text(30).min(1, '请填写物品名称'),
    photoUrl: storedImage.optional(),
    description: text(200).optional(),
    price: z.number().int('积分必须是整数').min(1, '兑换积分至少为1').max(100000),
    perOrderLimit: count(99),
    perMonthLimit: count(999),
    donorId: DonorId.optional(),
    pickupPlace: text(50).min(1, '请填写领取地点'),
    pickupHours: text(50).min(1, '请填写领取时间'),
    onShelf: z.boolean(),
    /** Only when creating; later changes go through restock so each one is recorded. */
    initialStock: z.number().int().min(0).max(100000).optional(),
  })
  .strict()
  .refine((g) => g.perMonthLimit >= g.perOrderLimit, {
    message: '每月限兑不能少于每单限兑',
    path: ['perMonthLimit'],
  });

export const mallContract = {
  listGoods: defineAction({
    summary: 'Goods on the shelf, for residents',
    roles: ['resident'],
    input: empty,
    output: z.array(GoodsView),
  }),
  getGoods: defineAction({
    summary: 'One goods item with how many more the caller may redeem this month',
    roles: ['resident'],
    input: z.object({ goodsId: GoodsId }).strict(),
    output: z.object({
      goods: GoodsView,
      usedThisMonth: z.number().int(),
      balance: z.number().int(),
      /** What the page may offer: see `redeemAllowance`. */
      allowance: z.object({ max: z.number().int(), monthLeft: z.number().int(), blocked: z.string() }),
    }),
  }),
  redeem: defineAction({
    summary:
      'Spend points on goods: one transaction; a retry with the same request id returns the same order',
    roles: ['resident'],
    input: z.object({ goodsId: GoodsId, quantity: count(99), requestId: RequestId }).strict(),
    output: OrderView,
  }),
  myOrders: defineAction({
    summary: "The caller's orders, newest first, a page at a time",
    roles: ['resident'],
    input: z.object({ ...paging }).strict(),
    output: pageOf(OrderView),
  }),
  getOrder: defineAction({
    summary: 'One of the caller’s orders (staff may read any)',
    roles: ['resident'],
    input: z.object({ orderId: OrderId }).strict(),
    output: OrderView,
  }),
  cancelOrder: defineAction({
    summary: 'Cancel before pickup: points refunded and stock restored, once',
    roles: ['resident'],
    input: z.object({ orderId: OrderId }).strict(),
    output: OrderView,
  }),
  allGoods: defineAction({
    summary: 'Staff: every goods item, on and off the shelf, newest first, a page at a time',
    roles: ['staff'],
    input: z.object({ ...paging }).strict(),
    output: pageOf(GoodsView),
  }),
  saveGoods: defineAction({
    summary: 'Staff: create or edit goods (stock changes go through restock)',
    roles: ['staff'],
    input: GoodsInput,
    output: GoodsView,
  }),
  setShelf: defineAction({
    summary: 'Staff: put goods on the shelf or take them off',
    roles: ['staff'],
    input: z.object({ goodsId: GoodsId, onShelf: z.boolean() }).strict(),
    output: GoodsView,
  }),
  restock: defineAction({
    summary: 'Staff: add or write off stock, recorded with a reason',
    roles: ['staff'],
    input: z
      .object({
        goodsId: GoodsId,
        delta: z
          .number()
          .int()
          .min(-100000)
          .max(100000)
          .refine((n) => n !== 0, '数量不能为0'),
        reason: text(100).min(2, '请填写原因'),
        requestId: RequestId,
      })
      .strict(),
    output: GoodsView,
  }),
  stockHistory: defineAction({
    summary: 'Staff: every stock change of one goods item, newest first, a page at a time',
    roles: ['staff'],
    input: z.object({ goodsId: GoodsId, ...paging }).strict(),
    output: pageOf(StockChangeView),
  }),
  lookupPickup: defineAction({
    summary: 'Staff: the order behind a pickup code (scanned or typed), before handing over',
    roles: ['staff'],
    input: z.object({ code: text(40).min(1, '请输入取货码') }).strict(),
    output: OrderView,
  }),
  verifyPickup: defineAction({
    summary: 'Staff: 核销 — hand the goods over; an order is handed over once',
    roles: ['staff'],
    input: z.object({ code: text(40).min(1, '请输入取货码') }).strict(),
    output: OrderView,
  }),
  listOrders: defineAction({
    summary: 'Staff: orders by status, newest first, a page at a time',
    roles: ['staff'],
    input: z.object({ status: z.enum(ORDER_STATUSES), ...paging }).strict(),
    output: pageOf(OrderView),
  }),
  listDonors: defineAction({
    summary: 'The community resource list: 爱心商家 and 共建单位',
    roles: ['staff'],
    input: empty,
    output: z.array(DonorView),
  }),
  saveDonor: defineAction({
    summary: 'Staff: add or edit a donor',
    roles: ['staff'],
    input: z
      .object({
        donorId: DonorId.optional(),
        name: text(40).min(2, '请填写名称'),
        kind: z.enum(DONOR_KINDS),
        contact: text(50).optional(),
      })
      .strict(),
    output: DonorView,
  }),
  settings: defineAction({
    summary: 'Mall settings: days to pick up an order before it is cancelled and refunded',
    roles: ['resident'],
    input: empty,
    output: z.object({ pickupDays: z.number().int() }),
  }),
  saveSettings: defineAction({
    summary: 'Staff: change the pickup window',
    roles: ['staff'],
    input: z.object({ pickupDays: z.number().int().min(1).max(60) }).strict(),
    output: z.object({ pickupDays: z.number().int() }),
  }),
};
