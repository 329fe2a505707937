/**
 * One way for a page to act: `const redeem = useAction('mall', 'redeem')` → `{ run, busy,
 * retrying }`, typed from the contract like `call()`.
 *
 * - A tap while the last one is still running (or its confirm step is open) is ignored, so a
 *   double tap never sends twice.
 * - Actions whose input takes a `requestId` get one per intent: a retry after an unknown
 *   outcome (network, server error) reuses it, so the server answers with what the first
 *   attempt did; success, a refusal or other input starts a new intent.
 * - A failure is shown one way (a toast with the server's Chinese message) unless `onFail`
 *   handles it; `done` names the success in a toast.
 * - `confirm` puts the confirm step in front of an irreversible or money-like act.
 */
import { useCallback, useRef, useState } from 'react';
import { findAction, type ActionName, type FunctionName, type InputOf, type OutputOf } from '@core/contract';
import type { Fail } from '@core/errors';
import { call } from '../services/cloud';
import { confirmStep, showDone, showError, type ConfirmOptions } from '../services/feedback';
import { newRequestId } from '../services/request-id';

/** What the page passes: the action's input, without the request id the hook supplies. */
export type RunInput<F extends FunctionName, A extends ActionName<F>> =
  InputOf<F, A> extends { requestId: string } ? Omit<InputOf<F, A>, 'requestId'> : InputOf<F, A>;

export interface ActionOptions<F extends FunctionName, A extends ActionName<F>> {
  /** The confirm step, or a function of the input giving it (null: none for this input). */
  confirm?: ConfirmOptions | ((input: RunInput<F, A>) => ConfirmOptions | null);
  /** A toast after success, e.g. 已保存. */
  done?: string | ((data: OutputOf<F, A>) => string);
  /** Handle a failure yourself; return true when it is handled (no toast then). */
  onFail?(failure: Fail): boolean;
}

export interface Action<F extends FunctionName, A extends ActionName<F>> {
  /** Resolves to the answer, or undefined when refused, failed, cancelled or ignored. */
  run(input: RunInput<F, A>): Promise<OutputOf<F, A> | undefined>;
  busy: boolean;
  /** The last attempt's outcome is unknown: the next run with the same input retries it. */
  retrying: boolean;
}

function takesRequestId(fn: FunctionName, action: string): boolean {
  const input = findAction(fn, action)?.input as { shape?: Record<string, unknown> } | undefined;
  return Boolean(input?.shape && 'requestId' in input.shape);
}

/** Outcomes after which the server may or may not have done it. */
const UNKNOWN_OUTCOME: readonly Fail['code'][] = ['NETWORK', 'INTERNAL'];

export function useAction<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  options: ActionOptions<F, A> = {},
): Action<F, A> {
  const [busy, setBusy] = useState(false);
  const [retrying, setRetrying] = useState(false);
  // A ref, not state: two taps in one frame must see the first one's mark.
  const running = useRef(false);
  const intent = useRef<{ id: string; input: string } | null>(null);
  const latestOptions = useRef(options);
  latestOptions.current = options;

  const run = useCallback(
    async (input: RunInput<F, A>): Promise<OutputOf<F, A> | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      try {
        const { confirm, done, onFail } = latestOptions.current;
        const step = typeof confirm === 'function' ? confirm(input) : confirm;
        if (step && !(await confirmStep(step))) return undefined;
        let sent = input as InputOf<F, A>;
        if (takesRequestId(fn, action)) {
          const same = JSON.stringify(input);
          if (intent.current?.input !== same) intent.current = { id: newRequestId(), input: same };
          sent = { ...(input as object), requestId: intent.current.id } as InputOf<F, A>;
        }
        const res = await call(fn, action, sent);
        if (res.ok) {
          intent.current = null;
          setRetrying(false);
          if (done) showDone(typeof done === 'function' ? done(res.data) : done);
          return res.data;
        }
        const unknown = UNKNOWN_OUTCOME.includes(res.code);
        if (!unknown) intent.current = null;
        setRetrying(unknown && intent.current !== null);
        if (!onFail?.(res)) showError(res);
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [fn, action],
  );

  return { run, busy, retrying };
}
