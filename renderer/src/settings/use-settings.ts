import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../src/common/ipc/api-types';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/** The user's settings as this screen knows them, and a way to change some of them. */
export interface SettingsHandle {
  /** Null until main has answered. */
  settings: Settings | null;
  /** Saves a change; `patch` is computed from the latest settings, so quick successive saves do not clobber. */
  update(patch: (current: Settings) => Partial<Settings>): Promise<void>;
}

/**
 * Reads the settings once, follows every change main announces, and keeps the latest. A failed save is dropped quietly: a remembered
 * preference or position is a convenience, never worth interrupting a lecture for.
 */
export function useSettings(): SettingsHandle {
  const plenum = usePlenum();
  const [settings, setSettings] = useState<Settings | null>(null);
  const latest = useRef<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void callApi(() => plenum.settings.get({})).then((result) => {
      if (!live || !result.ok || latest.current !== null) return;
      latest.current = result.value;
      setSettings(result.value);
    });
    // Another window (the presenter's) may change a setting this one shows, such as the subtitles.
    const stop = plenum.on('settings.changed', (changed) => {
      latest.current = changed;
      setSettings(changed);
    });
    return () => {
      live = false;
      stop();
    };
  }, [plenum]);
  const update = useCallback(
    async (patch: (current: Settings) => Partial<Settings>): Promise<void> => {
      const current = latest.current;
      if (current === null) return;
      const change = patch(current);
      // Shown at once; main's answer (the stored settings) replaces it when it comes.
      latest.current = { ...current, ...change };
      setSettings(latest.current);
      const result = await callApi(() => plenum.settings.update(change));
      if (result.ok) {
        latest.current = result.value;
        setSettings(result.value);
      }
    },
    [plenum],
  );
  return { settings, update };
}
