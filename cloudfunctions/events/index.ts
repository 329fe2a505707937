/** The `events` cloud function: publishing, sign-up with waitlist, QR check-in, hours → points. */
import { cloudbaseMain } from '../runtime/cloudbase';
import { createRouter, type Handlers } from '../runtime/router';
import { get, list, mine } from './browse';
import { checkIn, checkOut, checkinCode, leaderCheck, myVolunteerCard } from './checkin';
import { confirmHours, participants } from './hours';
import { eventJobs } from './jobs';
import { allEvents, cancel, publish, save } from './publish';
import { myServiceRecord } from './record';
import { cancelSignUp, signUp, signUpCandidates, signUpFor } from './signup';
import { exportAttendance } from './attendance';

/** Every action's handler: the router's table, and what tests swap one entry of. */
export const handlers: Handlers<'events'> = {
  list,
  get,
  mine,
  signUp,
  cancelSignUp,
  signUpFor,
  save,
  publish,
  cancel,
  allEvents,
  signUpCandidates,
  exportAttendance,
  checkinCode,
  checkIn,
  checkOut,
  leaderCheck,
  participants,
  confirmHours,
  myServiceRecord,
  myVolunteerCard,
};

export const route = createRouter('events', handlers);

export const jobs = eventJobs;

export const main = cloudbaseMain(route, jobs);
