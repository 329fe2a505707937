/**
 * The typed action table both sides share: the client's `call()` and every cloud
 * function's router read it, so a handler and its caller cannot disagree.
 */
import type { z } from 'zod';
import type { ActionSpec } from './define';
import { dashboardContract } from './dashboard';
import { eventsContract } from './events';
import { mallContract } from './mall';
import { moderationContract } from './moderation';
import { pointsContract } from './points';
import { userContract } from './user';
import { votesContract } from './votes';
import { wishesContract } from './wishes';

export const contract = {
  user: userContract,
  points: pointsContract,
  mall: mallContract,
  events: eventsContract,
  votes: votesContract,
  wishes: wishesContract,
  moderation: moderationContract,
  dashboard: dashboardContract,
} as const satisfies Record<string, Record<string, ActionSpec>>;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
type Spec<F extends FunctionName, A extends ActionName<F>> =
  Contract[F][A] extends ActionSpec<infer I, infer O> ? { input: I; output: O } : never;
/** What the client passes (before defaults and transforms). */
export type InputOf<F extends FunctionName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['input']>;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['output']>;

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function findAction(fn: FunctionName, action: string): ActionSpec | undefined {
  const actions: Record<string, ActionSpec> = contract[fn];
  return Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
}

export * from './define';
export * from './user';
export * from './home';
export * from './points';
export * from './mall';
export * from './events';
export * from './votes';
export * from './wishes';
export * from './moderation';
export * from './dashboard';
