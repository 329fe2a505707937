/**
 * The `moderation` cloud function: 举报 and their answers, and the verdicts of image checks
 * (mediaCheckAsync's `wxa_media_check` message push), for every kind of item residents publish.
 */
import { cloudbaseMain } from '../runtime/cloudbase';
import type { Job } from '../runtime/jobs';
import type { PushHandler } from '../runtime/push';
import { createRouter, type Handlers } from '../runtime/router';
import { imageChecks, mediaCheckPush } from './images';
import { decide, hideItem, listReports, myReport, report, restoreItem } from './reports';

/** Every action's handler: the router's table, and what tests swap one entry of. */
export const handlers: Handlers<'moderation'> = {
  report,
  myReport,
  listReports,
  decide,
  hideItem,
  restoreItem,
  imageChecks,
};

export const route = createRouter('moderation', handlers);

export const jobs: readonly Job[] = [];

export const pushes: readonly PushHandler[] = [mediaCheckPush];

export const main = cloudbaseMain(route, jobs, pushes);
