import { join } from 'node:path';
import { openStore, StoreError, type Store, type StoreProblem } from '../../../../src/node/store';

/** A clock for tests: starts at a fixed instant and moves one second per reading, so order is visible. */
export function steppingClock(start = '2025-03-01T08:00:00.000Z'): () => Date {
  let next = Date.parse(start);
  return () => {
    const date = new Date(next);
    next += 1000;
    return date;
  };
}

/** Opens a fresh store in `dir` with a stepping clock; the test closes it. */
export function freshStore(dir: string, name = 'plenum.sqlite'): Store {
  return openStore(join(dir, name), { now: steppingClock() });
}

/** Runs `action` and returns the StoreError's problem, failing the test if it did not throw one. */
export function storeProblemOf(action: () => unknown): StoreProblem {
  try {
    action();
  } catch (error) {
    if (error instanceof StoreError) return error.problem;
    throw error;
  }
  throw new Error('expected a StoreError, but nothing was thrown');
}
