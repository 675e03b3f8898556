import { useCallback, useEffect, useRef, useState } from 'react';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import type { LecturePlan } from '../../../src/common/plan/plan-step';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/** The plan the course's lecture follows, and a way to change it. */
export interface LecturePlanChoice {
  /** The plan main's lecture follows, or null for every chapter in film order. */
  plan: LecturePlan | null;
  /** Sets the lecture's plan; resolves to the failure, or null when main took it. */
  choose(plan: LecturePlan | null): Promise<CallFailure | null>;
}

/**
 * Mirrors the plan of the course's lecture from main: the state the course was unlocked with, then a fresh
 * read (the film screen or another window may have changed it since) and every `lecture.state` broadcast.
 * Snapshots older than the one shown are dropped, so a late answer never brings back an old choice.
 */
export function useLecturePlan(course: UnlockedCourse): LecturePlanChoice {
  const plenum = usePlenum();
  const { handle } = course;
  const [plan, setPlan] = useState<LecturePlan | null>(course.lecture.plan);
  const revision = useRef(course.lecture.revision);

  const apply = useCallback((state: LectureState): void => {
    if (state.revision < revision.current) return;
    revision.current = state.revision;
    setPlan(state.plan);
  }, []);

  useEffect(() => {
    let live = true;
    const stop = plenum.on('lecture.state', (payload) => {
      if (payload.handle === handle) apply(payload.state);
    });
    void callApi(() => plenum.lecture.state({ handle })).then((result) => {
      if (live && result.ok) apply(result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [plenum, handle, apply]);

  const choose = useCallback(
    async (next: LecturePlan | null): Promise<CallFailure | null> => {
      const result = await callApi(() =>
        plenum.lecture.command({ handle, command: { type: 'set-plan', plan: next } }),
      );
      if (!result.ok) return result.error;
      apply(result.value);
      return null;
    },
    [plenum, handle, apply],
  );

  return { plan, choose };
}
