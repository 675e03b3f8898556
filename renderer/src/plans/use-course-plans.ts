import { useCallback, useEffect, useState } from 'react';
import type { Plan } from '../../../src/common/ipc/api-types';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/** A course's stored plans, as last read from the store. */
export interface CoursePlans {
  /** The plans in the order they were made, or null until the first read has answered. */
  plans: Plan[] | null;
  /** The last read's failure, or null. */
  failure: CallFailure | null;
  /** Reads the plans again (after a save or a delete); resolves once the list shown is the new one. */
  reload(): Promise<void>;
}

/** Reads a course's plans from the local store when shown, and again whenever asked. */
export function useCoursePlans(courseId: string): CoursePlans {
  const plenum = usePlenum();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);

  const read = useCallback(async (): Promise<{ plans: Plan[] | null; failure: CallFailure | null }> => {
    const result = await callApi(() => plenum.plans.list({ courseId }));
    return result.ok ? { plans: result.value, failure: null } : { plans: null, failure: result.error };
  }, [plenum, courseId]);

  useEffect(() => {
    let live = true;
    void read().then((answer) => {
      if (!live) return;
      if (answer.plans !== null) setPlans(answer.plans);
      setFailure(answer.failure);
    });
    return () => {
      live = false;
    };
  }, [read]);

  const reload = useCallback(async (): Promise<void> => {
    const answer = await read();
    if (answer.plans !== null) setPlans(answer.plans);
    setFailure(answer.failure);
  }, [read]);

  return { plans, failure, reload };
}
