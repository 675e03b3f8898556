import { useEffect, useRef, type RefObject } from 'react';
import type { LecturePhase } from '../../../src/common/lecture/lecture-state';
import type { SettingsHandle } from '../settings/use-settings';

/** How often the playhead is saved while the film plays. */
const SAVE_EVERY_MS = 4000;

/**
 * Remembers where the lecture stands (settings.lastPosition[courseId]) every few seconds while the film
 * plays, at every stop and when the screen closes, so reopening the course can offer to continue. A
 * finished film forgets it: there is nothing left to continue.
 */
export function usePositionSaver(
  video: RefObject<HTMLVideoElement | null>,
  courseId: string,
  phase: LecturePhase,
  settings: SettingsHandle,
): void {
  const { update } = settings;
  const ready = settings.settings !== null;
  const save = useRef((): void => undefined);
  save.current = (): void => {
    const element = video.current;
    if (element === null || !ready || phase.kind === 'ready') return;
    if (phase.kind === 'finished') {
      void update((current) => {
        const { [courseId]: _forgotten, ...rest } = current.lastPosition;
        return { lastPosition: rest };
      });
      return;
    }
    const seconds = element.currentTime;
    if (!Number.isFinite(seconds) || seconds <= 0) return;
    void update((current) => ({ lastPosition: { ...current.lastPosition, [courseId]: seconds } }));
  };
  useEffect(() => {
    // Every change of phase is a stop, a start or a jump: save where it left the film.
    save.current();
    if (phase.kind !== 'playing') return;
    const timer = setInterval(() => save.current(), SAVE_EVERY_MS);
    return () => clearInterval(timer);
  }, [phase, ready]);
  useEffect(() => () => save.current(), []);
}
