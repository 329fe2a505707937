/** The `mall` cloud function: 爱心超市 goods, redemption, pickup (核销) and its staff tools. */
import { cloudbaseMain } from '../runtime/cloudbase';
import { createRouter, type Handlers } from '../runtime/router';
import { listDonors, saveDonor, saveSettings, settings } from './donors';
import { allGoods, getGoods, listGoods, restock, saveGoods, setShelf, stockHistory } from './goods';
import { mallJobs } from './jobs';
import { cancelOrder, getOrder, listOrders, lookupPickup, myOrders, redeem, verifyPickup } from './orders';

/** Every action's handler: the router's table, and what tests swap one entry of. */
export const handlers: Handlers<'mall'> = {
  listGoods,
  getGoods,
  redeem,
  myOrders,
  getOrder,
  cancelOrder,
  allGoods,
  saveGoods,
  setShelf,
  restock,
  stockHistory,
  lookupPickup,
  verifyPickup,
  listOrders,
  listDonors,
  saveDonor,
  settings,
  saveSettings,
};

export const route = createRouter('mall', handlers);

export const jobs = mallJobs;

export const main = cloudbaseMain(route, jobs);
