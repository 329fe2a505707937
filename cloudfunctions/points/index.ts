/** The `points` cloud function: the 志愿积分 ledger as residents and staff see it. */
import { cloudbaseMain } from '../runtime/cloudbase';
import type { Job } from '../runtime/jobs';
import { createRouter } from '../runtime/router';
import { accountOf, adjust, historyOf, myAccount, myHistory, setRankingVisibility } from './account';
import { ranking } from './ranking';

export const route = createRouter('points', {
  myAccount,
  myHistory,
  ranking,
  setRankingVisibility,
  adjust,
  accountOf,
  historyOf,
});

export const jobs: readonly Job[] = [];

export const main = cloudbaseMain(route, jobs);
