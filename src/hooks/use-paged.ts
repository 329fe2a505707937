/**
 * A list the server pages with a cursor (`{ items, next }`): `usePaged('mall', 'myOrders', {})`
 * → `{ data, error, loading, more, hasMore, loadMore, reload }`. The first page loads like
 * `useCall` (on open, on input change, on show, on pull-down); the next page loads when the
 * resident scrolls to the bottom or taps 加载更多. Answers for an older list are dropped.
 */
import { useCallback, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import type { ActionName, Cursor, FunctionName, InputOf, OutputOf } from '@core/contract';
import type { Fail } from '@core/errors';
import { call } from '../services/cloud';
import { showError } from '../services/feedback';
import { useLatestRequest } from './use-latest-request';
import { useRefresh } from './use-refresh';

/** The actions of `F` that answer one page of a list. */
export type PagedAction<F extends FunctionName> = {
  [A in ActionName<F>]: OutputOf<F, A> extends { items: unknown[]; next: Cursor | null } ? A : never;
}[ActionName<F>];
export type ItemOf<F extends FunctionName, A extends ActionName<F>> =
  OutputOf<F, A> extends { items: (infer I)[] } ? I : never;
/** What the page chooses (filters); the hook adds where the page starts. */
export type FilterOf<F extends FunctionName, A extends ActionName<F>> = Omit<
  InputOf<F, A>,
  'cursor' | 'limit'
>;

export interface Paged<T> {
  /** The items loaded so far; undefined until the first page arrives. */
  data: T[] | undefined;
  error: Fail | null;
  loading: boolean;
  /** A next page is on its way. */
  more: boolean;
  hasMore: boolean;
  loadMore(): Promise<void>;
  reload(): Promise<void>;
  /** Change what is shown after an action (e.g. one item updated), without a round-trip. */
  setData(update: (items: T[]) => T[]): void;
}

interface State<T> {
  key: string | null;
  items: T[] | undefined;
  next: Cursor | null;
  error: Fail | null;
  loading: boolean;
  more: boolean;
}

function blank<T>(key: string | null, loading: boolean): State<T> {
  return { key, items: undefined, next: null, error: null, loading, more: false };
}

export function usePaged<F extends FunctionName, A extends PagedAction<F>>(
  fn: F,
  action: A,
  filter: FilterOf<F, A> | null,
): Paged<ItemOf<F, A>> {
  type T = ItemOf<F, A>;
  const key = filter === null ? null : JSON.stringify(filter);
  const [state, setState] = useState<State<T>>(() => blank(key, key !== null));
  const latest = useRef({ filter, state });
  latest.current = { filter, state };
  const requests = useLatestRequest();

  const fetchPage = useCallback(
    async (cursor: Cursor | undefined) => {
      const input = { ...latest.current.filter, ...(cursor ? { cursor } : {}) } as InputOf<F, A>;
      const request = requests.start();
      const res = await call(fn, action, input);
      const current = requests.isLatest(request);
      return { res: res as { ok: true; data: { items: T[]; next: Cursor | null } } | Fail, current };
    },
    [fn, action, requests],
  );

  const reload = useCallback(async () => {
    if (key === null) return;
    setState((s) => (s.key === key ? { ...s, loading: true } : blank(key, true)));
    const { res, current } = await fetchPage(undefined);
    if (!current) return;
    if (res.ok) {
      setState({ key, items: res.data.items, next: res.data.next, error: null, loading: false, more: false });
      return;
    }
    if (latest.current.state.key === key && latest.current.state.items) showError(res);
    setState((s) => ({
      ...(s.key === key ? s : blank(key, false)),
      error: res,
      loading: false,
      more: false,
    }));
  }, [key, fetchPage]);

  const loadMore = useCallback(async () => {
    const { state: s } = latest.current;
    if (s.key !== key || !s.next || s.loading || s.more) return;
    setState((prev) => ({ ...prev, more: true }));
    const { res, current } = await fetchPage(s.next);
    if (!current) return;
    if (!res.ok) {
      showError(res);
      setState((prev) => ({ ...prev, more: false }));
      return;
    }
    setState((prev) => ({
      ...prev,
      items: [...(prev.items ?? []), ...res.data.items],
      next: res.data.next,
      more: false,
    }));
  }, [key, fetchPage]);

  useRefresh(reload);
  useReachBottom(() => {
    void loadMore();
  });

  const setData = useCallback((update: (items: T[]) => T[]) => {
    setState((s) => (s.items ? { ...s, items: update(s.items) } : s));
  }, []);

  const fresh = state.key === key;
  return {
    data: fresh ? state.items : undefined,
    error: fresh ? state.error : null,
    loading: fresh ? state.loading : key !== null,
    more: fresh && state.more,
    hasMore: fresh && state.next !== null,
    loadMore,
    reload,
    setData,
  };
}
