/** Every cloud function the local cloud serves: the same modules CloudBase runs. */
import type { FunctionName } from '../core/contract';
import type { Job } from '../cloudfunctions/runtime/jobs';
import type { Route } from '../cloudfunctions/runtime/router';
import * as dashboard from '../cloudfunctions/dashboard';
import * as events from '../cloudfunctions/events';
import * as mall from '../cloudfunctions/mall';
import * as moderation from '../cloudfunctions/moderation';
import * as points from '../cloudfunctions/points';
import * as user from '../cloudfunctions/user';
import * as votes from '../cloudfunctions/votes';
import * as wishes from '../cloudfunctions/wishes';

export interface CloudFunction {
  route: Route;
  jobs: readonly Job[];
}

/** Typed by the contract, so a function declared there cannot be left out here. */
export const functions: Record<FunctionName, CloudFunction> = {
  user,
  points,
  mall,
  events,
  votes,
  wishes,
  moderation,
  dashboard,
};
