/**
 * The `dashboard` cloud function: what staff read about the whole community — the workbench's
 * counts, the 数据看板, exports and the audit trail. A function of its own because it only reads,
 * across every collection, with aggregations heavier than any resident's request: deployed apart,
 * a month-end report never takes the instances (≈20 per function on the basic plan) that
 * sign-ups and redemptions need, and its longer queries never share their cold starts.
 */
import { cloudbaseMain } from '../runtime/cloudbase';
import type { Job } from '../runtime/jobs';
import { createRouter, type Handlers } from '../runtime/router';
import { audit } from './audit';
import { exportTable } from './exports';
import { stats } from './stats';
import { workbench } from './workbench';

/** Every action's handler: the router's table, and what tests swap one entry of. */
export const handlers: Handlers<'dashboard'> = { workbench, stats, export: exportTable, audit };

export const route = createRouter('dashboard', handlers);

export const jobs: readonly Job[] = [];

export const main = cloudbaseMain(route, jobs);
