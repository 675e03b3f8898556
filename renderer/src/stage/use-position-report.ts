import { useEffect, type RefObject } from 'react';
import { usePlenum } from '../api/plenum-context';

/** How often the playing window tells main where the film is (the presenter's timeline moves at this pace). */
export const POSITION_REPORT_MS = 500;

/**
 * Tells main the playhead while this window plays the film, and at every pause and seek, so the presenter's
 * timeline follows the room and a window that takes the film over (a projector unplugged) starts at the
 * right place. A lost report costs nothing: the next one follows within half a second.
 */
export function usePositionReport(video: RefObject<HTMLVideoElement | null>): void {
  const plenum = usePlenum();
  useEffect(() => {
    const element = video.current;
    if (element === null) return;
    let last = -1;
    const report = (): void => {
      const seconds = element.currentTime;
      if (!Number.isFinite(seconds) || seconds === last) return;
      last = seconds;
      plenum.session.position({ seconds }).catch(() => undefined);
    };
    const timer = setInterval(() => {
      if (!element.paused) report();
    }, POSITION_REPORT_MS);
    element.addEventListener('pause', report);
    element.addEventListener('seeked', report);
    return () => {
      clearInterval(timer);
      element.removeEventListener('pause', report);
      element.removeEventListener('seeked', report);
    };
  }, [plenum, video]);
}
