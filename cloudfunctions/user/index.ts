/** The `user` cloud function: identity, profile, roles and staff tools for residents. */
import { createRouter, type Handlers } from '../runtime/router';
import { cloudbaseMain } from '../runtime/cloudbase';
import { home } from './home';
import { userJobs } from './jobs';
import { listOutbox, markMessagesRead, unreadMessages } from './notifications';
import { closeAccount, closeResident, myData, myDataPage, residentData, residentDataPage } from './privacy';
import { login, setCareMode, updateProfile } from './profile';
import { createManagedResident, listResidents } from './residents';
import {
  applyPartyMember,
  decideApplication,
  grantStaff,
  listApplications,
  myApplications,
  registerVolunteer,
} from './roles';

/** Every action's handler: the router's table, and what tests swap one entry of. */
export const handlers: Handlers<'user'> = {
  login,
  updateProfile,
  setCareMode,
  registerVolunteer,
  applyPartyMember,
  myApplications,
  listApplications,
  decideApplication,
  grantStaff,
  createManagedResident,
  listResidents,
  listOutbox,
  home,
  unreadMessages,
  markMessagesRead,
  myData,
  myDataPage,
  closeAccount,
  residentData,
  residentDataPage,
  closeResident,
};

export const route = createRouter('user', handlers);

export const jobs = userJobs;

export const main = cloudbaseMain(route, jobs);
