/** The `wishes` cloud function: 微心愿 posted, reviewed, claimed by 双报到 members, fulfilled, confirmed. */
import { cloudbaseMain } from '../runtime/cloudbase';
import { createRouter, type Handlers } from '../runtime/router';
import { board, claimed, get, mine, staffList, wall } from './browse';
import { claim, release, revoke } from './claims';
import { confirm, fulfil } from './fulfil';
import { wishJobs } from './jobs';
import { post, postFor, withdraw } from './post';
import { exportRecord, myRecord, record } from './record';
import { edit, review } from './review';
import { saveSettings, settings } from './settings';

/** Every action's handler: the router's table, and what tests swap one entry of. */
export const handlers: Handlers<'wishes'> = {
  wall,
  get,
  mine,
  claimed,
  post,
  postFor,
  withdraw,
  review,
  edit,
  claim,
  release,
  revoke,
  fulfil,
  confirm,
  staffList,
  board,
  settings,
  saveSettings,
  myRecord,
  record,
  exportRecord,
};

export const route = createRouter('wishes', handlers);

export const jobs = wishJobs;

export const main = cloudbaseMain(route, jobs);
