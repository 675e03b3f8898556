import { useCallback } from 'react';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LecturePlan } from '../../../src/common/plan/plan-step';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/** The plan the course's sessions follow, and a way to change it. */
export interface LecturePlanChoice {
  /** The plan main holds for the course, or null for every chapter in film order. */
  plan: LecturePlan | null;
  /** Sets the course's plan; resolves to the failure, or null when main took it. */
  choose(plan: LecturePlan | null): Promise<CallFailure | null>;
}

/** The course's plan as main holds it (the course comes from main's snapshot), changed by one call. */
export function useLecturePlan(course: UnlockedCourse): LecturePlanChoice {
  const plenum = usePlenum();
  const { handle } = course;
  const choose = useCallback(
    async (next: LecturePlan | null): Promise<CallFailure | null> => {
      const result = await callApi(() => plenum.course.choosePlan({ handle, plan: next }));
      return result.ok ? null : result.error;
    },
    [plenum, handle],
  );
  return { plan: course.plan, choose };
}
