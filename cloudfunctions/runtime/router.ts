/**
 * Dispatches `{ action, input }` through the shared contract: unknown actions are errors,
 * input is validated before anything is written, and each action's roles are enforced
 * (deny by default). Every outcome is one envelope: `{ok:true,data} | {ok:false,code,message}`.
 */
import { z } from 'zod';
import {
  contract,
  findAction,
  type ActionName,
  type FunctionName,
  type OutputOf,
  type ParsedInputOf,
} from '../../core/contract';
import { mayCall } from '../../core/domain/roles';
import { AppError, ERROR_MESSAGES, fail, ok, type Fail, type Result } from '../../core/errors';
import type { Deps, HandlerContext, Identity } from './context';
import { isTransactionConflict } from './db';
import { registerCaller, resolveCaller } from './users';

export type Handler<F extends FunctionName, A extends ActionName<F>> = (
  input: ParsedInputOf<F, A>,
  ctx: HandlerContext,
) => Promise<OutputOf<F, A>>;

export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> };

export type Route = (request: unknown, identity: Identity | null, deps: Deps) => Promise<Result<unknown>>;

const Request = z.object({ action: z.string(), input: z.unknown().optional() });

const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** The first problem, in words a resident understands, naming the field. */
export function describeInvalidInput(error: z.ZodError): Fail {
  const issue = error.issues[0];
  const unknownKeys = issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : '';
  const field = unknownKeys || (issue?.path.map(String).join('.') ?? '');
  const message =
    issue && HAS_CHINESE.test(issue.message)
      ? issue.message
      : `${ERROR_MESSAGES.INVALID_INPUT}（${field || '请求'}）`;
  return { ...fail('INVALID_INPUT', message), field } as Fail;
}

export function createRouter<F extends FunctionName>(fn: F, handlers: Handlers<F>): Route {
  const actionNames = Object.keys(contract[fn]);
  const missing = actionNames.filter((name) => !(name in handlers));
  if (missing.length > 0) throw new Error(`${fn}: no handler for ${missing.join(', ')}`);

  return async function route(request, identity, deps) {
    const envelope = Request.safeParse(request);
    if (!envelope.success) return fail('UNKNOWN_ACTION');
    const actionName = envelope.data.action;
    const spec = findAction(fn, actionName);
    if (!spec) return fail('UNKNOWN_ACTION', `${ERROR_MESSAGES.UNKNOWN_ACTION}：${fn}.${actionName}`);

    if (!identity?.openid) return fail('UNAUTHENTICATED');

    try {
      const now = deps.clock.now();
      // Who may call is checked before the input, so a caller learns nothing of an
      // action they may not use; only login may meet a caller with no user yet.
      const caller = await resolveCaller(deps.db, identity.openid);
      const existing = caller.user;
      if (!existing && !spec.registers) return fail('UNAUTHENTICATED');
      if (existing && !mayCall(existing.roles, spec.roles)) return fail('FORBIDDEN');

      const input = spec.input.safeParse(envelope.data.input ?? {});
      if (!input.success) return describeInvalidInput(input.error);

      // Registration comes after validation, so a rejected request writes nothing.
      const registration = existing
        ? { user: existing, isNew: false }
        : await registerCaller(deps.db, identity.openid, now, caller.generation);

      const ctx: HandlerContext = {
        ...deps,
        caller: registration.user,
        roles: registration.user.roles,
        callerIsNew: registration.isNew,
        now,
        openid: identity.openid,
      };
      const handler = handlers[actionName as ActionName<F>] as unknown as (
        input: unknown,
        ctx: HandlerContext,
      ) => Promise<unknown>;
      const output = await handler(input.data, ctx);
      // The contract is a promise to the client: an output that breaks it is our bug.
      return ok(spec.output.parse(output));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      // Still contended after every retry the time budget allowed: nothing was written, and
      // trying again is right — say so rather than "system busy".
      if (isTransactionConflict(error)) return fail('CONFLICT');
      console.error(`[${fn}.${actionName}]`, error);
      return fail('INTERNAL');
    }
  };
}
