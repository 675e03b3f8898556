import { useEffect, useState } from 'react';
import { usePlenum } from '../api/plenum-context';

/**
 * The film's playhead as the playing window reports it (about twice a second), for a window that does not
 * play the film itself: the presenter's timeline. Starts from the lecture state's last known position.
 */
export function useLecturePosition(handle: string, initial: number): number {
  const plenum = usePlenum();
  const [position, setPosition] = useState(initial);
  useEffect(
    () =>
      plenum.on('lecture.position', (payload) => {
        if (payload.handle === handle) setPosition(payload.seconds);
      }),
    [plenum, handle],
  );
  return position;
}
