/** The `points` cloud function: the 志愿积分 ledger as residents and staff see it. */
import { cloudbaseMain } from '../runtime/cloudbase';
import type { Job } from '../runtime/jobs';
import { createRouter, type Handlers } from '../runtime/router';
import {
  accountOf,
  adjust,
  historyOf,
  myAccount,
  myHistory,
  myMonths,
  setRankingVisibility,
} from './account';
import { ranking } from './ranking';

/** Every action's handler: the router's table, and what tests swap one entry of. */
export const handlers: Handlers<'points'> = {
  myAccount,
  myHistory,
  myMonths,
  ranking,
  setRankingVisibility,
  adjust,
  accountOf,
  historyOf,
};

export const route = createRouter('points', handlers);

export const jobs: readonly Job[] = [];

export const main = cloudbaseMain(route, jobs);
