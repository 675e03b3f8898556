import { useEffect, useState } from 'react';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { chapterAt, RESUME_THRESHOLD } from '../film/resume-point';

/** A saved place to continue a course's film from: the position and the chapter it falls in. */
export interface ResumeOffer {
  seconds: number;
  chapter: number;
}

/**
 * The place the last lecture of this course stopped, when there is one to offer: a saved position
 * (settings.lastPosition) inside a chapter, and a lecture that has not started since the course was
 * opened (a lecture under way simply continues where it stands).
 */
export function useResumeOffer(course: UnlockedCourse): ResumeOffer | null {
  const plenum = usePlenum();
  const [offer, setOffer] = useState<ResumeOffer | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [settings, lecture] = await Promise.all([
        callApi(() => plenum.settings.get({})),
        callApi(() => plenum.lecture.state({ handle: course.handle })),
      ]);
      if (!live || !settings.ok || !lecture.ok || lecture.value.phase.kind !== 'ready') return;
      const seconds = settings.value.lastPosition[course.manifest.id];
      if (seconds === undefined || seconds < RESUME_THRESHOLD) return;
      const chapter = chapterAt(course.manifest.chapters, seconds);
      if (chapter !== null) setOffer({ seconds, chapter });
    })();
    return () => {
      live = false;
    };
  }, [plenum, course]);
  return offer;
}
