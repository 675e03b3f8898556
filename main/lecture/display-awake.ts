import type { PowerSaveBlocker } from 'electron';

/** Keeps the display from sleeping while a lecture runs. */
export interface DisplayAwake {
  set(awake: boolean): void;
  isAwake(): boolean;
}

/** One `prevent-display-sleep` blocker, started and stopped as the lectures change (idempotent). */
export function createDisplayAwake(blocker: Pick<PowerSaveBlocker, 'start' | 'stop'>): DisplayAwake {
  let id: number | null = null;
  return {
    set(awake) {
      if (awake && id === null) id = blocker.start('prevent-display-sleep');
      else if (!awake && id !== null) {
        blocker.stop(id);
        id = null;
      }
    },
    isAwake: () => id !== null,
  };
}
