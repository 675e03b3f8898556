import { useCallback, useState } from 'react';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import type { SessionCommand, SessionState } from '../../../src/common/session/session-state';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/** The running session's lecture as this window shows it, a way to send commands, and the last failure. */
export interface Lecture {
  state: LectureState;
  send(command: SessionCommand): Promise<boolean>;
  failure: CallFailure | null;
}

/**
 * The lecture of the running session main holds (the window renders the session from the store; main's
 * `state` event brings every change, whoever made it) and one way to command it: one call per command.
 */
export function useLecture(session: SessionState): Lecture {
  const send = useSessionCommand();
  return { state: session.lecture, send: send.send, failure: send.failure };
}

/** Sends commands to the running session; remembers the last failure to show it. */
export function useSessionCommand(): Pick<Lecture, 'send' | 'failure'> {
  const plenum = usePlenum();
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const send = useCallback(
    async (command: SessionCommand): Promise<boolean> => {
      const result = await callApi(() => plenum.session.command({ command }));
      setFailure(result.ok ? null : result.error);
      return result.ok;
    },
    [plenum],
  );
  return { send, failure };
}

/** Leaves the running session for the overview (main pauses the film and keeps the session unfinished). */
export function useLeaveSession(): () => Promise<void> {
  const plenum = usePlenum();
  return useCallback(async () => {
    await callApi(() => plenum.session.leave({}));
  }, [plenum]);
}
