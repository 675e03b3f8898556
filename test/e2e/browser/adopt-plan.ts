import { expect, type Page } from '@playwright/test';
import type { Plan } from '../../../src/common/ipc/api-types';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';

/** Adopts a plan for the demo course through the API, as the rehearsal's write-back does. */
export async function adoptPlan(page: Page, plan: Plan): Promise<void> {
  // The unlock screen's heading is the course title too: wait for the overview itself.
  await expect(page.locator('[data-role="start-presenter"]')).toBeVisible({ timeout: 30_000 });
  await page.evaluate(async (planToAdopt) => {
    const api = (globalThis as unknown as { plenum: PlenumApi }).plenum;
    const state = await api.state.get({});
    if (!state.ok) throw new Error(`state.get: ${state.error.code}`);
    const course = state.value.courses[0];
    if (course === undefined) throw new Error('no unlocked course');
    const adopted = await api.course.adoptPlan({ handle: course.handle, plan: planToAdopt });
    if (!adopted.ok) throw new Error(`adoptPlan: ${adopted.error.code}`);
  }, plan);
}
