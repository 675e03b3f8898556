import { useEffect, useState } from 'react';
import type { StageState } from '../../../src/common/ipc/contract';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/**
 * What is on stage, as main says: `initial` (an answer the caller already has), asked once more, then
 * followed through `stage.state` events (a course put on stage, an audience window opened, closed or moved).
 * Null until main has answered.
 */
export function useStage(initial: StageState | null = null): StageState | null {
  const plenum = usePlenum();
  const [stage, setStage] = useState<StageState | null>(initial);
  useEffect(() => {
    let live = true;
    // Snapshots can arrive out of order (an HTTP answer after a newer event, an event from before this window
    // opened): the highest revision wins, so a stale "nothing on stage" never flashes a second film.
    let shown = initial?.revision ?? -1;
    const show = (state: StageState): void => {
      if (!live || state.revision <= shown) return;
      shown = state.revision;
      setStage(state);
    };
    const stop = plenum.on('stage.state', show);
    void callApi(() => plenum.stage.state({})).then((result) => {
      if (result.ok) show(result.value);
    });
    return () => {
      live = false;
      stop();
    };
    // `initial` is read once, as the starting point.
  }, [plenum]);
  return stage;
}
