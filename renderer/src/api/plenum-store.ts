import type { PlenumState } from '../../../src/common/ipc/contract';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';

/** The playhead of the running session, as the last report said. */
export interface PlayheadReading {
  sessionId: number;
  seconds: number;
}

/**
 * One window's mirror of what main holds: the `state` snapshot and the playhead. It subscribes first and
 * then asks (so no change between the two is missed), and keeps a snapshot only when its revision is higher
 * than the one it has: the one staleness rule, so a late answer never rolls the screen back. Read through
 * React's useSyncExternalStore.
 */
export interface PlenumStore {
  subscribe(listener: () => void): () => void;
  /** The latest snapshot, or null until main has answered. */
  getState(): PlenumState | null;
  getPlayhead(): PlayheadReading | null;
  close(): void;
}

/** Starts mirroring main's state for this window. */
export function createPlenumStore(api: PlenumApi): PlenumStore {
  const listeners = new Set<() => void>();
  let state: PlenumState | null = null;
  let playhead: PlayheadReading | null = null;
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const offer = (next: PlenumState): void => {
    if (state !== null && next.revision <= state.revision) return;
    state = next;
    // A snapshot carries the playhead it was made with; a report about the same session that came since wins.
    const session = next.session;
    if (session === null) playhead = null;
    else if (playhead === null || playhead.sessionId !== session.id)
      playhead = { sessionId: session.id, seconds: session.position };
    notify();
  };
  const stops = [
    api.on('state', offer),
    api.on('position', (reading) => {
      if (state?.session?.id !== reading.sessionId) return;
      playhead = reading;
      notify();
    }),
  ];
  let closed = false;
  const ask = (): void => {
    api.state
      .get({})
      .then((result) => {
        if (closed) return;
        if (result.ok) offer(result.value);
        // No answer yet (main still starting): ask again shortly rather than show nothing for good.
        else setTimeout(ask, 500);
      })
      .catch(() => {
        if (!closed) setTimeout(ask, 500);
      });
  };
  ask();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    getPlayhead: () => playhead,
    close() {
      closed = true;
      for (const stop of stops) stop();
    },
  };
}
