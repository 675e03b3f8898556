import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../../support/expect-accessible';
import type { Plan } from '../../../src/common/ipc/api-types';
import type { PlenumState } from '../../../src/common/ipc/contract';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import type { LecturePlan } from '../../../src/common/plan/plan-step';
import { useHostPerTest } from './host-per-test';
import { unlockDemo } from './unlock-demo';
import { adoptPlan } from './adopt-plan';

// Live re-planning and "your turn" in Chromium against the loopback host and the short demo course: a plan
// (set up through the API) whose discussions cannot fit its ten-minute budget, a lecture run on it, and a
// suggestion from the console applied with one click to the running session; who leads each chapter, and
// "your turn" for the role this Plenum's user has chosen.

const host = useHostPerTest();

/** The page's globals this spec touches. */
interface PageGlobal {
  plenum: PlenumApi;
}

const COURSE_ID = 'hva-er-viktig-for-meg';

/** 25 minutes of talk and about a minute of film against a budget of 10: over from the start. */
const TIGHT_PLAN: Plan = {
  id: null,
  courseId: COURSE_ID,
  name: 'Torsdag',
  budgetMinutes: 10,
  steps: [
    { kind: 'chapter', chapterId: 'apning', minutes: 2, lead: 'user-representative' },
    { kind: 'chapter', chapterId: 'sovn', minutes: 5 },
    { kind: 'chapter', chapterId: 'bolig', minutes: 4, lead: 'lecturer' },
    { kind: 'chapter', chapterId: 'taushetsplikt', minutes: 3 },
    { kind: 'chapter', chapterId: 'okonomi', minutes: 3 },
    { kind: 'chapter', chapterId: 'tannhelse', minutes: 3 },
    { kind: 'chapter', chapterId: 'drommer', minutes: 2 },
    { kind: 'chapter', chapterId: 'oppsummering', minutes: 3 },
  ],
};

/** The running session's plan, as main holds it now. */
async function sessionPlan(page: Page): Promise<LecturePlan | null> {
  return page.evaluate(async () => {
    const state = await (globalThis as unknown as PageGlobal).plenum.state.get({});
    if (!state.ok) throw new Error(`state.get: ${state.error.code}`);
    const value: PlenumState = state.value;
    if (value.session === null) throw new Error('no session runs');
    return value.session.lecture.plan;
  });
}

const chapterIds = (plan: LecturePlan | null): string[] =>
  (plan?.steps ?? []).flatMap((step) => (step.kind === 'chapter' ? [step.chapterId] : []));
const talkMinutes = (plan: LecturePlan | null): number =>
  (plan?.steps ?? []).reduce((sum, step) => sum + (step.kind === 'chapter' ? step.minutes : 0), 0);

/** Starts a lecture in the presenter view on the plan given, and plays the opening to its discussion. */
async function lectureOverPlan(page: Page): Promise<void> {
  await unlockDemo(page, host.url);
  await adoptPlan(page, TIGHT_PLAN);
  await page.locator('[data-role="start-presenter"]').click();
  await expect(page.locator('[data-role="presenter"]')).toBeVisible();
  await page.locator('[data-role="play-pause"]').click();
  await expect(page.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'discussing', {
    timeout: 20_000,
  });
}

test('a lecture over its plan: planned against actual, behind in words, and a suggestion applied in one click', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await lectureOverPlan(page);
  const panel = page.locator('[data-role="plan-progress"]');
  await expect(panel).toBeVisible();
  // Every planned chapter is a step; the opening is under way, the rest to come.
  const steps = panel.locator('[data-role="plan-progress-step"]');
  await expect(steps).toHaveCount(8);
  await expect(steps.nth(0)).toHaveAttribute('data-status', 'current');
  await expect(steps.nth(0)).toHaveAttribute('data-chapter-id', 'apning');
  await expect(steps.nth(1)).toHaveAttribute('data-status', 'upcoming');
  // Seventeen minutes or so over a ten-minute budget: behind, in words.
  const drift = panel.locator('[data-role="plan-drift"]');
  await expect(drift).toHaveAttribute('data-drift', 'behind');
  await expect(drift).toContainText(/1[67] min bak planen/);
  // The header: time left or over, the time of day, and the forecast end, late.
  await expect(page.locator('[data-role="time-of-day"]')).toContainText(/\d{2}[:.]\d{2}/);
  await expect(page.locator('[data-role="forecast-end"]')).toHaveAttribute('data-late', 'true');
  await expect(page.locator('[data-role="forecast-end"]')).toContainText(/Ventet slutt \d{2}[:.]\d{2}/);
  await page.screenshot({ path: '/tmp/shots/replan-console-over-1280x800.png' });
  await expectAccessible(page, 'console over its plan with suggestions');

  // No single chapter covers the overrun: the longest to come (Søvn, 5 min of talk) is the one to leave out.
  const leaveOut = panel.locator('[data-role="replan-suggestion"][data-kind="leave-out"]');
  await expect(leaveOut).toContainText('Hopp over «Søvn»');
  expect(await panel.locator('[data-role="replan-suggestion"]').count()).toBeGreaterThanOrEqual(2);
  const before = await sessionPlan(page);
  expect(chapterIds(before)).toContain('sovn');
  await leaveOut.click();

  // The running session follows the new plan: Søvn is out, the timeline shows it unplanned, next is Bolig.
  await expect.poll(async () => chapterIds(await sessionPlan(page))).not.toContain('sovn');
  const after = await sessionPlan(page);
  expect(chapterIds(after)).toEqual(chapterIds(before).filter((id) => id !== 'sovn'));
  expect(after?.id).toBeNull();
  expect(after?.name).toBe('Torsdag (justert)');
  await expect(page.locator('[data-role="timeline-chapter"][data-chapter-index="1"]')).toHaveAttribute(
    'data-planned',
    'false',
  );
  await expect(page.locator('[data-role="next-chapter"]')).toContainText('Bolig');
  await expect(steps).toHaveCount(7);
  await expect(panel.locator('[data-role="replan-applied"]')).toContainText('Hopp over «Søvn»');
  // The phase is untouched: the discussion goes on.
  await expect(page.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'discussing');

  // Still over: shortening the discussions to come lowers their minutes, the opening's is kept.
  const shorten = panel.locator('[data-role="replan-suggestion"][data-kind="shorten-proportional"]');
  await expect(shorten).toBeVisible();
  await shorten.click();
  await expect.poll(async () => talkMinutes(await sessionPlan(page))).toBeLessThan(talkMinutes(after));
  const shortened = await sessionPlan(page);
  expect(shortened?.steps[0]).toEqual({
    kind: 'chapter',
    chapterId: 'apning',
    minutes: 2,
    lead: 'user-representative',
  });
  expect(chapterIds(shortened)).toEqual(chapterIds(after));
  // Shortened to the floor and with the closing chapter kept, the panel says so when nothing is left.
  expect(shortened?.steps.every((step) => step.minutes >= 1)).toBe(true);
  expect(shortened?.name).toBe('Torsdag (justert)');
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `/tmp/shots/replan-console-${size.width}x${size.height}.png` });
    // The header's new clocks and the panel keep the console one fixed screen: no page scroll.
    const screen = await page.evaluate(() => {
      const root = (
        globalThis as unknown as {
          document: { documentElement: { scrollHeight: number; clientHeight: number } };
        }
      ).document.documentElement;
      return { scroll: root.scrollHeight, height: root.clientHeight };
    });
    expect(screen.scroll).toBeLessThanOrEqual(screen.height);
    await expect(page.locator('[data-role="forecast-end"]')).toBeInViewport();
  }
  await panel.screenshot({ path: '/tmp/shots/replan-panel.png' });
});

test('who leads: the plan names it, the console says so, and "your turn" follows the chosen role', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockDemo(page, host.url);
  // Taught alone (no lead named): the console shows no role picker.
  await page.locator('[data-role="start-presenter"]').click();
  await expect(page.locator('[data-role="presenter"]')).toBeVisible();
  await expect(page.locator('[data-role="session-clock"]')).toBeVisible();
  await expect(page.locator('[data-role="my-role"]')).toHaveCount(0);
  await page.locator('[data-role="leave"]').click();
  await adoptPlan(page, TIGHT_PLAN);
  await page.locator('[data-role="start-rehearsal"]').click();
  await expect(page.locator('[data-role="presenter"]')).toHaveAttribute('data-mode', 'rehearsal');
  const role = page.locator('[data-role="my-role"]');
  await expect(role).toHaveValue('');
  // Before the film, the opening is next, led by the user representative; no role chosen, no "your turn".
  await expect(page.locator('[data-role="lead-next"]')).toContainText('Brukerrepresentanten');
  await expect(page.locator('[data-role="your-turn"]')).toHaveCount(0);

  await role.selectOption('user-representative');
  await expect(page.locator('[data-role="your-turn"]')).toHaveAttribute('data-when', 'next');
  await expect(page.locator('[data-role="your-turn"]')).toContainText('Din tur neste: «Åpningssekvens»');
  // The choice is a setting: main keeps it.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const state = await (globalThis as unknown as PageGlobal).plenum.state.get({});
        return state.ok ? state.value.settings.myRole : 'failed';
      }),
    )
    .toBe('user-representative');

  await page.locator('[data-role="play-pause"]').click();
  await expect(page.locator('[data-role="lead-now"]')).toContainText('Brukerrepresentanten');
  await expect(page.locator('[data-role="your-turn"]')).toHaveAttribute('data-when', 'now');
  await expect(page.locator('[data-role="your-turn"]')).toHaveText('Din tur nå');
  await page.screenshot({ path: '/tmp/shots/replan-your-turn-1280x800.png' });
  await expectAccessible(page, 'rehearsal with your turn');

  // The lecturer's Plenum: Søvn, next, names nobody, so it is no one's turn yet.
  await role.selectOption('lecturer');
  await expect(page.locator('[data-role="your-turn"]')).toHaveCount(0);
  // The progress panel names the lead of each chapter that has one.
  await expect(page.locator('[data-role="plan-progress-lead"]')).toHaveCount(2);

  // Back on the overview, the plan editor shows the leads and changes one.
  await page.locator('[data-role="leave"]').click();
  await page.locator('[data-role="plan-edit"]').click();
  const editor = page.locator('[data-role="plan-editor"]');
  const lead = (chapterId: string) =>
    editor.locator(`[data-role="plan-row"][data-chapter-id="${chapterId}"] [data-role="step-lead"]`);
  await expect(lead('apning')).toHaveValue('user-representative');
  await expect(lead('sovn')).toHaveValue('');
  await lead('sovn').selectOption('lecturer');
  await editor.screenshot({ path: '/tmp/shots/replan-editor.png' });
  // The lead's column keeps every row inside the editor, down to a 1024 px window.
  await page.setViewportSize({ width: 1024, height: 768 });
  const editorRight = ((await editor.boundingBox())?.x ?? 0) + ((await editor.boundingBox())?.width ?? 0);
  const rights = await editor
    .locator('[data-role="plan-move-down"], [data-role="step-lead"]')
    .evaluateAll((controls) =>
      (controls as unknown as { getBoundingClientRect(): { right: number } }[]).map(
        (control) => control.getBoundingClientRect().right,
      ),
    );
  expect(rights).toHaveLength(16);
  const overflowing = rights.filter((right) => right > editorRight + 1).length;
  expect(overflowing).toBe(0);
  await editor.screenshot({ path: '/tmp/shots/replan-editor-1024.png' });
  await editor.locator('[data-role="plan-save"]').click();
  await expect(editor).toHaveCount(0);
  const stored = await page.evaluate(async (courseId) => {
    const listed = await (globalThis as unknown as PageGlobal).plenum.plans.list({ courseId });
    if (!listed.ok) throw new Error(`plans.list: ${listed.error.code}`);
    return listed.value;
  }, COURSE_ID);
  const leads = Object.fromEntries(
    (stored[0]?.steps ?? []).flatMap((step) =>
      step.kind === 'chapter' ? [[step.chapterId, step.lead ?? null]] : [],
    ),
  );
  expect(leads).toMatchObject({
    apning: 'user-representative',
    sovn: 'lecturer',
    bolig: 'lecturer',
    drommer: null,
  });
});
