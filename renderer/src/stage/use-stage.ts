import { useEffect, useState } from 'react';
import type { StageState } from '../../../src/common/ipc/contract';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/**
 * What is on stage, as main says: asked once, then followed through `stage.state` events (a course put on
 * stage, an audience window opened, closed or moved). Null until main has answered.
 */
export function useStage(): StageState | null {
  const plenum = usePlenum();
  const [stage, setStage] = useState<StageState | null>(null);
  useEffect(() => {
    let live = true;
    let heard = false;
    const stop = plenum.on('stage.state', (state) => {
      heard = true;
      setStage(state);
    });
    void callApi(() => plenum.stage.state({})).then((result) => {
      // An event that arrived meanwhile is newer than this answer.
      if (live && result.ok && !heard) setStage(result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [plenum]);
  return stage;
}
