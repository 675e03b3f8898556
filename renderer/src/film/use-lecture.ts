import { useCallback, useEffect, useRef, useState } from 'react';
import type { LectureCommand, LectureState } from '../../../src/common/lecture/lecture-state';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/** The lecture as this window sees it: main's latest state, a way to send commands, the last failure. */
export interface Lecture {
  state: LectureState;
  send(command: LectureCommand): Promise<LectureState | null>;
  failure: CallFailure | null;
}

/**
 * Mirrors main's lecture state for one course: the state returned by each command and every
 * `lecture.state` broadcast (the clicker in main may move the lecture without this window asking). A
 * snapshot older than the one shown is dropped, so a late answer never rolls the screen back.
 */
export function useLecture(handle: string, initial: LectureState): Lecture {
  const plenum = usePlenum();
  const [state, setState] = useState(initial);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const latest = useRef(initial);

  const apply = useCallback((next: LectureState): void => {
    if (next.revision <= latest.current.revision) return;
    latest.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    let live = true;
    const stop = plenum.on('lecture.state', (payload) => {
      if (payload.handle === handle) apply(payload.state);
    });
    // Asked once more after subscribing: a change made between the caller's read and this subscription
    // (another window moved the lecture meanwhile) would otherwise stay unseen until the next one.
    void callApi(() => plenum.lecture.state({ handle })).then((result) => {
      if (live && result.ok) apply(result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [plenum, handle, apply]);

  const send = useCallback(
    async (command: LectureCommand): Promise<LectureState | null> => {
      const result = await callApi(() => plenum.lecture.command({ handle, command }));
      if (!result.ok) {
        setFailure(result.error);
        return null;
      }
      setFailure(null);
      apply(result.value);
      return latest.current;
    },
    [plenum, handle, apply],
  );

  return { state, send, failure };
}
