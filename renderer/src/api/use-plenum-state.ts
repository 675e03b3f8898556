import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PlenumState } from '../../../src/common/ipc/contract';
import type { PlayheadReading, PlenumStore } from './plenum-store';

/** The window's store, handed down the tree beside the API. */
export const PlenumStoreContext = createContext<PlenumStore | null>(null);

function useStore(): PlenumStore {
  const store = useContext(PlenumStoreContext);
  if (store === null) throw new Error('usePlenumState outside a PlenumStoreContext provider');
  return store;
}

/** What main holds, as this window last heard it; null until main has answered. */
export function usePlenumState(): PlenumState | null {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The running session's playhead (s); 0 when no session runs. */
export function usePlayhead(): number {
  const store = useStore();
  const reading: PlayheadReading | null = useSyncExternalStore(store.subscribe, store.getPlayhead);
  return reading?.seconds ?? 0;
}
