import { useCallback } from 'react';
import type { Settings } from '../../../src/common/ipc/api-types';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { usePlenumState } from '../api/use-plenum-state';

/** The user's settings as main holds them, and a way to change some of them. */
export interface SettingsHandle {
  /** Null until main has answered. */
  settings: Settings | null;
  /** Saves a change computed from the settings main holds now. */
  update(patch: (current: Settings) => Partial<Settings>): Promise<void>;
}

/**
 * The settings from main's snapshot (every window sees a change another made, such as the subtitles). A
 * failed save is dropped quietly: a remembered preference is a convenience, never worth interrupting a
 * lecture for.
 */
export function useSettings(): SettingsHandle {
  const plenum = usePlenum();
  const settings = usePlenumState()?.settings ?? null;
  const update = useCallback(
    async (patch: (current: Settings) => Partial<Settings>): Promise<void> => {
      if (settings === null) return;
      await callApi(() => plenum.settings.update(patch(settings)));
    },
    [plenum, settings],
  );
  return { settings, update };
}
