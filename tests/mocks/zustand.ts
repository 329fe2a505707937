/**
 * zustand for component tests (mapped in jest.config.js), after zustand's docs
 * ("Testing" → jest `__mocks__/zustand`): every store made with `create`/`createStore`
 * goes back to its initial state after each test.
 */
import { act } from '@testing-library/react';
import type * as Zustand from 'zustand';

// `zustand/index` resolves to the real package ('^zustand$' alone is mapped to this file).
const actual = jest.requireActual<typeof Zustand>('zustand/index');

export * from 'zustand/vanilla';
export const { useStore } = actual;

/** One reset per store created so far. */
export const storeResetFns = new Set<() => void>();

function createUncurried<T>(stateCreator: Zustand.StateCreator<T>) {
  const store = actual.create(stateCreator);
  const initialState = store.getInitialState();
  storeResetFns.add(() => store.setState(initialState, true));
  return store;
}

export const create = (<T>(stateCreator?: Zustand.StateCreator<T>) =>
  typeof stateCreator === 'function'
    ? createUncurried(stateCreator)
    : createUncurried) as typeof Zustand.create;

function createStoreUncurried<T>(stateCreator: Zustand.StateCreator<T>) {
  const store = actual.createStore(stateCreator);
  const initialState = store.getInitialState();
  storeResetFns.add(() => store.setState(initialState, true));
  return store;
}

export const createStore = (<T>(stateCreator?: Zustand.StateCreator<T>) =>
  typeof stateCreator === 'function'
    ? createStoreUncurried(stateCreator)
    : createStoreUncurried) as typeof Zustand.createStore;

export function resetAllStores(): void {
  act(() => storeResetFns.forEach((reset) => reset()));
}

afterEach(() => resetAllStores());
