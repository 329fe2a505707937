/** The `events` cloud function: publishing, sign-up with waitlist, QR check-in, hours → points. */
import { cloudbaseMain } from '../runtime/cloudbase';
import { createRouter } from '../runtime/router';
import { get, list, mine } from './browse';
import { checkIn, checkOut, checkinCode, leaderCheck, myVolunteerCard } from './checkin';
import { confirmHours, participants } from './hours';
import { eventJobs } from './jobs';
import { allEvents, cancel, publish, save } from './publish';
import { myServiceRecord } from './record';
import { cancelSignUp, signUp, signUpFor } from './signup';

export const route = createRouter('events', {
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
  checkinCode,
  checkIn,
  checkOut,
  leaderCheck,
  participants,
  confirmHours,
  myServiceRecord,
  myVolunteerCard,
});

export const jobs = eventJobs;

export const main = cloudbaseMain(route, jobs);
