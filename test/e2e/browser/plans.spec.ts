import { expectAccessible } from '../../support/expect-accessible';
import { expect, test, type Page } from '@playwright/test';
import type { PlenumState } from '../../../src/common/ipc/contract';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import type { LecturePhase } from '../../../src/common/lecture/lecture-state';
import { useHostPerTest } from './host-per-test';
import { unlockDemo } from './unlock-demo';

// Session plans in Chromium against the loopback host and the short demo course: a plan made from the
// two-hour template with one chapter left out, stored in SQLite (still there after a reload), chosen, and
// followed by the lecture, which skips the chapter left out.

const host = useHostPerTest();

/** The page's globals this spec touches (typed structurally where the DOM is: no DOM types in this file). */
interface PageGlobal {
  plenum: PlenumApi;
  plansSpecState?: PlenumState;
  document: { activeElement: { getAttribute(name: string): string | null } | null };
}

/** What main's last `state` broadcast said of the demo course: its plan, and the running session's phase. */
interface SeenLecture {
  /** The plan the course's sessions follow (the running one's included), or null for every chapter. */
  plan: { id: number | null; name: string } | null;
  /** The running session's phase, or null before a session runs. */
  phase: LecturePhase | null;
}

/** Keeps the latest `state` broadcast on the page's global object, for {@link seenLecture}. */
async function recordLecture(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = globalThis as unknown as PageGlobal;
    scope.plenum.on('state', (state) => {
      scope.plansSpecState = state;
    });
  });
}

async function seenLecture(page: Page): Promise<SeenLecture | null> {
  return page.evaluate((courseId): SeenLecture | null => {
    const state = (globalThis as unknown as PageGlobal).plansSpecState;
    const course = state?.courses.find((unlocked) => unlocked.manifest.id === courseId);
    if (state === undefined || course === undefined) return null;
    const session = state.session?.handle === course.handle ? state.session : null;
    // A running session follows the course's plan: say so if the two ever disagree.
    if (session !== null && JSON.stringify(session.lecture.plan) !== JSON.stringify(course.plan))
      throw new Error('the running session does not follow the course plan');
    return {
      plan: course.plan === null ? null : { id: course.plan.id, name: course.plan.name },
      phase: session?.lecture.phase ?? null,
    };
  }, COURSE_ID);
}

async function focusedRole(page: Page): Promise<string | null> {
  return page.evaluate(
    () => (globalThis as unknown as PageGlobal).document.activeElement?.getAttribute('data-role') ?? null,
  );
}

const PLAN_NAME = 'Torsdag uten søvn';
const COURSE_ID = 'hva-er-viktig-for-meg';

test('a plan from the 2-hour template, stored, chosen and followed by the lecture', async ({ page }) => {
  await page.goto(host.url);
  await unlockDemo(page);
  const section = page.locator('[data-role="plan-section"]');
  await expect(section).toBeVisible();
  await expect(section.locator('[data-role="plan-choice"][data-plan-id="default"]')).toBeChecked();
  // Without a plan: every chapter with its suggested minutes (125 in all) and no budget.
  await expect(section.locator('[data-role="plan-totals"]')).toContainText('samtale 125 min');
  await expect(section.locator('[data-role="plan-totals"]')).toContainText('ingen tidsramme');
  await expect(section.locator('[data-role="plan-edit"]')).toBeDisabled();
  await expectAccessible(page, 'overview with plans');
  await expect(section.locator('.plan-choices')).toHaveAttribute('aria-busy', 'false');
  const choicesBefore = await section.locator('[data-role="plan-choice"]').count();

  // New plan: the template choice opens below the button.
  const newPlan = section.locator('[data-role="plan-new"]');
  await newPlan.click();
  await expect(newPlan).toHaveAttribute('aria-expanded', 'true');
  await expect(section.locator('[data-role="plan-template"]')).toHaveCount(3);
  await expectAccessible(page, 'plan templates');
  await section.locator('[data-role="plan-template"][data-template="2h"]').click();

  const editor = page.locator('[data-role="plan-editor"]');
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('heading', { name: 'Ny plan' })).toBeFocused();
  await expect(editor.locator('[data-role="plan-name"]')).toHaveValue('2 timer');
  await expect(editor.locator('[data-role="plan-budget"]')).toHaveValue('120');
  const rows = editor.locator('[data-role="plan-row"]');
  await expect(rows).toHaveCount(8);
  const row = (chapterId: string) => editor.locator(`[data-role="plan-row"][data-chapter-id="${chapterId}"]`);
  for (let index = 0; index < 8; index += 1)
    await expect(rows.nth(index).locator('[data-role="plan-include"]')).toBeChecked();
  // The short demo's film is under two minutes; the discussions fill the rest of the two hours.
  const totals = editor.locator('[data-role="plan-totals"]');
  await expect(totals).toContainText('= 120 min av 120 min');
  await expect(totals).toContainText('Fyller tidsrammen akkurat');

  // Validation in words: no name.
  await editor.locator('[data-role="plan-name"]').fill('   ');
  await editor.locator('[data-role="plan-save"]').click();
  await expect(editor.getByRole('alert').first()).toContainText('Gi planen et navn.');
  await expect(editor.locator('[data-role="plan-name"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.locator('[data-role="plan-name"]')).toBeFocused();
  await editor.locator('[data-role="plan-name"]').fill(PLAN_NAME);

  // Leave out «Søvn»; over budget is said in words when a discussion grows.
  await row('sovn').locator('[data-role="plan-include"]').uncheck();
  await expect(row('sovn')).toHaveAttribute('data-included', 'false');
  await expect(totals).toContainText('til overs');
  await row('bolig').locator('[data-role="plan-minutes"]').fill('90');
  await expect(totals).toContainText('Over tidsrammen');
  await expect(totals).toHaveAttribute('data-over', 'true');
  await row('bolig').locator('[data-role="plan-minutes"]').fill('11');

  // A break after «Bolig», added and removed by keyboard, focus staying in the row.
  await row('bolig').locator('[data-role="plan-add-break"]').focus();
  await page.keyboard.press('Enter');
  await expect(row('bolig').locator('[data-role="plan-break-minutes"]')).toBeFocused();
  await expect(row('bolig').locator('[data-role="plan-break-minutes"]')).toHaveValue('15');
  await expect(totals).toContainText('pauser 15 min');
  await expectAccessible(page, 'plan editor');
  await editor.screenshot({ path: 'test-results/screens/plan-editor.png' });
  await row('bolig').locator('[data-role="plan-remove-break"]').click();
  await expect(row('bolig').locator('[data-role="plan-add-break"]')).toBeFocused();
  await expect(totals).toContainText('pauser 0 min');

  // Moving «Drømmer» before «Økonomi» and back; the moved button keeps the keyboard.
  await row('drommer').locator('[data-role="plan-move-up"]').focus();
  await page.keyboard.press('Enter');
  await expect(rows.nth(5)).toHaveAttribute('data-chapter-id', 'drommer');
  await expect(row('drommer').locator('[data-role="plan-move-up"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows.nth(4)).toHaveAttribute('data-chapter-id', 'drommer');
  expect(await focusedRole(page)).toBe('plan-move-up');
  await row('drommer').locator('[data-role="plan-move-down"]').click();
  await row('drommer').locator('[data-role="plan-move-down"]').click();
  await expect(rows.nth(6)).toHaveAttribute('data-chapter-id', 'drommer');

  await editor.locator('[data-role="plan-save"]').click();
  await expect(editor).toBeHidden();
  // Saved, listed and chosen, with the keyboard on its choice.
  const saved = section.locator('[data-role="plan-choice"]:checked');
  await expect(saved).toHaveAccessibleName(new RegExp(PLAN_NAME));
  await expect(saved).toBeFocused();
  await expect(section.locator('[data-role="plan-choice"]')).toHaveCount(choicesBefore + 1);
  await expect(section.locator('[data-role="plan-status"]')).toContainText(PLAN_NAME);
  await expect(section.locator('[data-role="plan-totals"]')).toContainText('av 120 min');
  await section.screenshot({ path: 'test-results/screens/plan-section.png' });
  const planId = Number(await saved.getAttribute('data-plan-id'));

  // Stored in SQLite: the plan's steps leave «Søvn» out.
  const stored = await page.evaluate(async (courseId) => {
    const listed = await (globalThis as unknown as PageGlobal).plenum.plans.list({ courseId });
    if (!listed.ok) throw new Error(`plans.list: ${listed.error.code}`);
    return listed.value;
  }, COURSE_ID);
  const mine = stored.find((plan) => plan.id === planId);
  expect(mine?.name).toBe(PLAN_NAME);
  expect(mine?.steps.map((step) => (step.kind === 'chapter' ? step.chapterId : step.kind))).toEqual([
    'apning',
    'bolig',
    'taushetsplikt',
    'okonomi',
    'tannhelse',
    'drommer',
    'oppsummering',
  ]);

  // After a reload the course is still unlocked in main: its overview comes back at once, plan chosen.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hva er viktig for MEG' })).toBeVisible();
  await expect(page.locator('[data-role="password"]')).toHaveCount(0);
  const storedChoice = section.locator(`[data-role="plan-choice"][data-plan-id="${planId}"]`);
  await expect(storedChoice).toBeChecked();
  // Locked and unlocked afresh, it follows the plan last chosen for it (main remembers it in SQLite).
  await page.locator('[data-role="lock"]').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kursbibliotek' })).toBeVisible();
  await unlockDemo(page);
  await recordLecture(page);
  await expect(storedChoice).toBeChecked();
  // Choosing the standard and then the plan again sets the lecture's plan each time.
  await section.locator('[data-role="plan-choice"][data-plan-id="default"]').check();
  await expect.poll(async () => (await seenLecture(page))?.plan).toBeNull();
  await storedChoice.check();
  await expect(storedChoice).toBeChecked();
  await expect(section.locator('[data-role="plan-edit"]')).toBeEnabled();
  await expect.poll(async () => (await seenLecture(page))?.plan?.name).toBe(PLAN_NAME);

  // The lecture follows it: the opening first, then straight to «Bolig», skipping «Søvn».
  await page.locator('[data-role="start"]').click();
  const noticeStart = page.locator('[data-role="notice-start"]');
  // A course with a notice shows it first; one without starts playing at once.
  await expect
    .poll(async () => (await noticeStart.isVisible()) || (await seenLecture(page))?.phase?.kind === 'playing')
    .toBe(true);
  if (await noticeStart.isVisible()) await noticeStart.click();
  const title = page.locator('[data-role="chapter-title"]');
  await expect(title).toContainText('Åpningssekvens');
  await expect(page.locator('[data-role="discussion"][data-chapter-id="apning"]')).toBeVisible({
    timeout: 30_000,
  });
  await page.keyboard.press('n');
  await expect(title).toContainText('Bolig');
  await expect.poll(async () => (await seenLecture(page))?.phase).toEqual({ kind: 'playing', chapter: 2 });
});

test('editing and deleting a plan, with a confirmation', async ({ page }) => {
  await page.goto(host.url);
  await unlockDemo(page);
  const section = page.locator('[data-role="plan-section"]');
  await expect(section.locator('.plan-choices')).toHaveAttribute('aria-busy', 'false');
  const plansBefore = await section.locator('[data-role="plan-choice"]').count();
  await section.locator('[data-role="plan-new"]').click();
  await section.locator('[data-role="plan-template"][data-template="half-day"]').click();
  const editor = page.locator('[data-role="plan-editor"]');
  await expect(editor.locator('[data-role="plan-break-minutes"]')).toHaveCount(1);
  await expect(editor.locator('[data-role="plan-totals"]')).toContainText('pauser 15 min');
  // Cancel hands the keyboard back to "Ny plan" and stores nothing.
  await editor.locator('[data-role="plan-cancel"]').click();
  await expect(editor).toBeHidden();
  await expect(section.locator('[data-role="plan-new"]')).toBeFocused();
  await expect(section.locator('[data-role="plan-choice"]')).toHaveCount(plansBefore);

  await section.locator('[data-role="plan-new"]').click();
  await section.locator('[data-role="plan-template"][data-template="full-day"]').click();
  await expect(editor.locator('[data-role="plan-break-minutes"]')).toHaveCount(3);
  await editor.locator('[data-role="plan-name"]').fill('Fagdag');
  // Nothing included: said in words.
  for (const include of await editor.locator('[data-role="plan-include"]').all()) await include.uncheck();
  await editor.locator('[data-role="plan-save"]').click();
  await expect(editor.getByRole('alert').first()).toContainText('Kryss av for minst ett kapittel.');
  await editor.locator('[data-role="plan-row"][data-chapter-id="apning"] [data-role="plan-include"]').check();
  await editor.locator('[data-role="plan-save"]').click();
  await expect(section.getByRole('radio', { name: 'Fagdag' })).toBeChecked();

  // Edit: the budget changes and the plan is followed as saved.
  await section.locator('[data-role="plan-edit"]').click();
  await expect(editor.getByRole('heading', { name: 'Rediger planen «Fagdag»' })).toBeFocused();
  await expect(editor.locator('[data-role="plan-row"]').first()).toHaveAttribute('data-chapter-id', 'apning');
  await editor.locator('[data-role="plan-budget"]').fill('');
  await editor.locator('[data-role="plan-save"]').click();
  await expect(section.locator('[data-role="plan-totals"]')).toContainText('Planen har ingen tidsramme.');

  // Delete asks first; "keep" keeps it, "yes" deletes it and the lecture falls back to every chapter.
  await section.locator('[data-role="plan-delete"]').click();
  await expect(section.locator('[data-role="plan-delete-cancel"]')).toBeFocused();
  await expect(section.getByRole('group', { name: /slette planen «Fagdag»/ })).toBeVisible();
  await expectAccessible(page, 'plan delete confirmation');
  await section.locator('[data-role="plan-delete-cancel"]').click();
  await expect(section.locator('[data-role="plan-delete"]')).toBeFocused();
  await expect(section.getByRole('radio', { name: 'Fagdag' })).toBeChecked();
  await section.locator('[data-role="plan-delete"]').click();
  await section.locator('[data-role="plan-delete-confirm"]').click();
  await expect(section.getByRole('radio', { name: 'Fagdag' })).toHaveCount(0);
  await expect(section.locator('[data-role="plan-choice"][data-plan-id="default"]')).toBeChecked();
  await expect(section.locator('[data-role="plan-status"]')).toContainText('er slettet');
});
