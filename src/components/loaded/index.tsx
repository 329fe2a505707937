import type { ReactNode } from 'react';
import type { Fail } from '@core/errors';
import { EmptyState, type EmptyProps } from '../empty-state';
import { ErrorState } from '../error-state';
import { Skeleton, type SkeletonShape } from '../skeleton';

/** What `useCall` and `usePaged` give: enough to choose between the four states. */
interface LoadState<T> {
  data: T | undefined;
  error: Fail | null;
  reload(): Promise<void>;
}

interface Props<T> {
  state: LoadState<T>;
  skeleton: SkeletonShape;
  /** Shown instead of the content when it is empty (an empty list by default). */
  empty?: EmptyProps;
  isEmpty?(data: T): boolean;
  children(data: T): ReactNode;
}

const emptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * The one place that decides what a loading page shows: its skeleton until the first answer,
 * the error state when that failed, the empty state, or the content.
 */
export function Loaded<T>({ state, skeleton, empty, isEmpty = emptyList, children }: Props<T>) {
  if (state.data === undefined) {
    return state.error ? (
      <ErrorState error={state.error} onRetry={() => void state.reload()} />
    ) : (
      <Skeleton shape={skeleton} />
    );
  }
  if (empty && isEmpty(state.data)) return <EmptyState {...empty} />;
  return <>{children(state.data)}</>;
}
