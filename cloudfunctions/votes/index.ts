/** The `votes` function — 百姓点菜: proposals and supports, rounds and ballots, results, 微实事 projects. */
import { cloudbaseMain } from '../runtime/cloudbase';
import { createRouter, type Handlers } from '../runtime/router';
import { castBallot, recordPaperBallot } from './ballots';
import { votesJobs } from './jobs';
import { answerObjection, fileObjection } from './objections';
import {
  completeProject,
  createProject,
  project,
  projects,
  rateProject,
  saveMilestone,
  updateProject,
} from './projects';
import { myProposals, proposal, proposals, propose, support } from './proposals';
import { cancelRound, round, rounds, saveRound } from './rounds';
import {
  mergeProposal,
  pendingProposals,
  saveVotingSettings,
  screenProposal,
  votingSettingsHandler,
} from './screening';

/** Every action's handler: the router's table, and what tests swap one entry of. */
export const handlers: Handlers<'votes'> = {
  propose,
  proposals,
  myProposals,
  proposal,
  support,
  pendingProposals,
  screenProposal,
  mergeProposal,
  votingSettings: votingSettingsHandler,
  saveVotingSettings,
  saveRound,
  cancelRound,
  rounds,
  round,
  castBallot,
  recordPaperBallot,
  fileObjection,
  answerObjection,
  createProject,
  updateProject,
  saveMilestone,
  completeProject,
  projects,
  project,
  rateProject,
};

export const route = createRouter('votes', handlers);

export const jobs = votesJobs;

export const main = cloudbaseMain(route, jobs);
