/**
 * One way for a page to load what it shows: `useCall('events', 'get', { eventId })` →
 * `{ data, error, loading, reload, setData }`, typed from the contract like `call()`.
 *
 * - loads when the page opens and whenever the input changes (compared by value);
 * - reloads when the page is shown again and on pull-down (`enablePullDownRefresh` in the
 *   page's config), keeping what it showed meanwhile;
 * - an answer that arrives after a newer request started is dropped, so a slow answer for
 *   the previous tab never overwrites the current one;
 * - `input: null` waits (nothing to ask yet).
 */
import { useCallback, useRef, useState } from 'react';
import type { ActionName, FunctionName, InputOf, OutputOf } from '@core/contract';
import type { Fail } from '@core/errors';
import { call } from '../services/cloud';
import { showError } from '../services/feedback';
import { useLatestRequest } from './use-latest-request';
import { useRefresh } from './use-refresh';

export interface Loaded<T> {
  /** Undefined until the first answer for this input arrives. */
  data: T | undefined;
  /** The last failure; cleared by the next success. */
  error: Fail | null;
  loading: boolean;
  reload(): Promise<void>;
  /** Replace what is shown with what an action answered, without a round-trip. */
  setData(update: T | ((current: T) => T)): void;
}

export interface CallOptions {
  /** Load again each time the page is shown (default true). */
  refreshOnShow?: boolean;
}

interface State<T> {
  key: string | null;
  data: T | undefined;
  error: Fail | null;
  loading: boolean;
}

export function useCall<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A> | null,
  { refreshOnShow = true }: CallOptions = {},
): Loaded<OutputOf<F, A>> {
  type T = OutputOf<F, A>;
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<State<T>>({ key, data: undefined, error: null, loading: key !== null });
  const latestInput = useRef(input);
  latestInput.current = input;
  const requests = useLatestRequest();
  /** Whether the page already shows data for this input (then a failed refresh only toasts). */
  const showing = useRef(false);

  const load = useCallback(async () => {
    const current = latestInput.current;
    if (current === null || key === null) return;
    const request = requests.start();
    setState((s) =>
      s.key === key ? { ...s, loading: true } : { key, data: undefined, error: null, loading: true },
    );
    const res = await call(fn, action, current);
    // A newer request (another input, a reload) or a closed page: this answer is stale.
    if (!requests.isLatest(request)) return;
    if (res.ok) {
      setState({ key, data: res.data, error: null, loading: false });
      return;
    }
    // A failed refresh keeps what was shown and says why; a failed first load shows the error state.
    if (showing.current) showError(res);
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: res, loading: false }));
  }, [fn, action, key, requests]);

  useRefresh(load, { onShow: refreshOnShow });

  const setData = useCallback((update: T | ((current: T) => T)) => {
    setState((s) => {
      if (s.data === undefined) return s;
      const data = typeof update === 'function' ? (update as (current: T) => T)(s.data) : update;
      return { ...s, data };
    });
  }, []);

  const fresh = state.key === key;
  showing.current = fresh && state.data !== undefined;
  return {
    data: fresh ? state.data : undefined,
    error: fresh ? state.error : null,
    loading: fresh ? state.loading : key !== null,
    reload: load,
    setData,
  };
}
