import { mkdirSync } from 'node:fs';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { LecturePlan } from '../../../src/common/plan/plan-step';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import { expectAccessible } from '../../support/expect-accessible';
import { useHostPerTest } from './host-per-test';
import { unlockDemo } from './unlock-demo';

// Ways around the film in the console, against the loopback host and the short demo course: the prompt keys
// page what the room sees, O opens the chapter overview (Enter goes to a chapter), the timeline names
// chapters on focus and hatches those the plan leaves out, and the countdown to a chapter's stop runs.
// Short demo: chapter 4 (index 3, Taushetsplikt) runs 34.24-38.72 s with 4 prompts; «Bolig» is index 2.

const SHORT_CHAPTER = 3;
const LEFT_OUT = 2;
const SHOTS = 'test-results/screens';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const host = useHostPerTest();

test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** The page's globals this spec touches (typed structurally: no DOM types in this file). */
interface PageGlobal {
  plenum: PlenumApi;
}

/** Every chapter of the short demo but «Bolig», in film order: a plan that leaves one out. */
const PLAN_WITHOUT_BOLIG: LecturePlan = {
  id: null,
  name: 'Uten bolig',
  budgetMinutes: null,
  steps: ['apning', 'sovn', 'taushetsplikt', 'okonomi', 'tannhelse', 'drommer', 'oppsummering'].map(
    (chapterId) => ({ kind: 'chapter', chapterId, minutes: 5 }),
  ),
};

/** Unlocks the demo, has it follow `plan` (chosen through the API, as the overview would) and opens the console. */
async function openPresenter(page: Page, plan: LecturePlan | null): Promise<void> {
  await unlockDemo(page, host.url);
  if (plan !== null)
    await page.evaluate(async (chosen) => {
      const { plenum } = globalThis as unknown as PageGlobal;
      // The overview shows the course as soon as the unlock answers; main's snapshot may follow a moment later.
      let course;
      for (let attempt = 0; attempt < 50 && course === undefined; attempt += 1) {
        const state = await plenum.state.get({});
        if (!state.ok) throw new Error(`state.get: ${state.error.code}`);
        course = state.value.courses[0];
        if (course === undefined) await new Promise((wait) => setTimeout(wait, 100));
      }
      if (course === undefined) throw new Error('no unlocked course in main after 5 s');
      const result = await plenum.course.choosePlan({ handle: course.handle, plan: chosen });
      if (!result.ok) throw new Error(`course.choosePlan: ${result.error.code}`);
    }, plan);
  await page.locator('[data-role="start-presenter"]').click();
  await expect(page.locator('[data-role="presenter"]')).toBeVisible();
}

/** Opens the room's page in the same browser context (the same host session). */
async function openAudience(context: BrowserContext): Promise<Page> {
  const audience = await context.newPage();
  await audience.goto(`${host.origin}/?view=audience`);
  await expect(audience.locator('[data-role="audience"] [data-role="stage"]')).toBeVisible();
  return audience;
}

/** An element's computed background image (typed structurally: no DOM types in this file). */
async function backgroundImage(locator: Locator): Promise<string> {
  return locator.evaluate(
    (element) =>
      (
        globalThis as unknown as { getComputedStyle(target: unknown): { backgroundImage: string } }
      ).getComputedStyle(element).backgroundImage,
  );
}

/** Whether the focus is inside the chapter overview. */
async function focusInGrid(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { activeElement: { closest(selector: string): unknown } | null };
    };
    return (document.activeElement?.closest('[data-role="chapter-grid"]') ?? null) !== null;
  });
}

/** The seconds a countdown such as «Stopper om 00:04» names. */
function countdownSeconds(text: string | null): number {
  const match = /(\d+):(\d{2})/.exec(text ?? '');
  if (match === null) throw new Error(`no time in the countdown: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

test('the countdown runs down while a chapter plays, and the prompt keys page what the room sees', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const presenter = await context.newPage();
  await openPresenter(presenter, null);
  const audience = await openAudience(context);
  await expect(presenter.locator('[data-role="audience-status"]')).toHaveAttribute('data-present', 'true');
  const countdown = presenter.locator('[data-role="chapter-countdown"]');
  await expect(countdown).toHaveCount(0);

  // Taushetsplikt, from its start: 4.48 s to its stop, counted down from the playhead.
  await presenter.locator(`[data-role="timeline-chapter"][data-chapter-index="${SHORT_CHAPTER}"]`).click();
  await expect(presenter.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'paused');
  await expect(countdown).toHaveText('Stopper om 00:04');
  await expect(countdown).toHaveAttribute('data-kind', 'stops');
  await expectAccessible(presenter, 'console with the countdown');
  await presenter.locator('[data-role="play-pause"]').click();
  await expect(presenter.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'playing');
  const first = countdownSeconds(await countdown.textContent());
  expect(first).toBeLessThanOrEqual(4);
  await expect.poll(async () => countdownSeconds(await countdown.textContent())).toBeLessThan(first);
  await presenter.screenshot({ path: `${SHOTS}/navigation-countdown.png` });
  // At the stop the discussion begins and the countdown goes.
  await expect(presenter.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'discussing', {
    timeout: 20_000,
  });
  await expect(countdown).toHaveCount(0);

  const prompts = await presenter.locator('[data-role="presenter-prompt"] p').allTextContents();
  expect(prompts).toHaveLength(4);
  const roomPrompt = audience.locator('[data-role="prompt"]');
  await expect(roomPrompt).toHaveText(prompts[0] ?? '');
  // Down pages on, up pages back (each press from the prompt the room shows); past the last, down does nothing.
  // A press pages from the prompt this window knows the room shows, so each waits for the console to know it.
  const onScreen = (index: number) =>
    expect(presenter.locator('[data-role="presenter-prompt"]').nth(index)).toHaveAttribute(
      'data-on-screen',
      'true',
    );
  for (const index of [1, 2, 3]) {
    await presenter.keyboard.press('ArrowDown');
    await expect(roomPrompt).toHaveText(prompts[index] ?? '');
    await onScreen(index);
  }
  await presenter.keyboard.press('ArrowDown');
  await onScreen(3);
  await presenter.keyboard.press('ArrowUp');
  await expect(roomPrompt).toHaveText(prompts[2] ?? '');
  await onScreen(2);
  // A shows them all on the room's screen; A again (or an arrow) goes back to the one it had.
  await presenter.keyboard.press('a');
  await expect(roomPrompt).toHaveText(prompts);
  await onScreen(0);
  await presenter.keyboard.press('A');
  await expect(roomPrompt).toHaveText([prompts[2] ?? '']);
  await onScreen(2);
  // The room's window pages too (a keyboard at the projector).
  await audience.keyboard.press('ArrowUp');
  await expect(roomPrompt).toHaveText(prompts[1] ?? '');

  // The keys list names the new keys.
  await presenter.keyboard.press('?');
  const keys = presenter.locator('[data-role="keys"]');
  await expect(keys).toContainText('↓ eller ↑');
  await expect(keys).toContainText('Neste eller forrige spørsmål');
  await expect(keys).toContainText('Oversikt over alle kapitlene');
  await presenter.keyboard.press('Escape');
  await expect(keys).toHaveCount(0);
  await context.close();
});

test('the timeline names chapters and hatches the left-out one; O opens the overview and Enter jumps', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPresenter(page, PLAN_WITHOUT_BOLIG);
  const chapter = (index: number) =>
    page.locator(`[data-role="timeline-chapter"][data-chapter-index="${index}"]`);

  // «Bolig» is out of the plan: hatched (a stripe pattern), and said in its name.
  await expect(chapter(LEFT_OUT)).toHaveAttribute('data-planned', 'false');
  await expect(chapter(LEFT_OUT)).toHaveAccessibleName(/Bolig.*ikke med i planen/);
  expect(await backgroundImage(chapter(LEFT_OUT))).toMatch(/repeating-linear-gradient/);
  expect(await backgroundImage(chapter(1))).toBe('none');
  await expect(chapter(1)).toHaveAccessibleName(/Søvn/);
  await expect(chapter(1)).not.toHaveAccessibleName(/ikke med i planen/);
  // Søvn (16 s of the film) has room for its title; Taushetsplikt (4.5 s) shows only its number.
  await expect(chapter(1).locator('.timeline-title')).toBeVisible();
  await expect(chapter(SHORT_CHAPTER).locator('.timeline-title')).toBeHidden();

  // Focus names a chapter in the label beneath, the narrow one too; the pointer does as well.
  const tip = page.locator('[data-role="timeline-tip"]');
  // The pointer is wherever the start button was; away from the timeline, no chapter is named.
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
  await chapter(SHORT_CHAPTER).focus();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Taushetsplikt');
  await page.keyboard.press('Shift+Tab');
  await expect(tip).toContainText('Bolig');
  await expect(tip).toContainText('ikke med i planen');
  await page.screenshot({ path: `${SHOTS}/navigation-timeline-focus.png` });
  await expectAccessible(page, 'console with a left-out chapter named under the timeline');
  await chapter(LEFT_OUT).blur();
  await expect(tip).toHaveCount(0);
  await chapter(1).hover();
  await expect(tip).toContainText('Søvn');
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);

  // O: every chapter, with its still, number, title, length and plan; focus inside; axe clean.
  const opener = page.locator('[data-role="chapter-grid-open"]');
  await opener.focus();
  await page.keyboard.press('o');
  const grid = page.locator('[data-role="chapter-grid"]');
  await expect(grid).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Alle kapitlene' })).toBeVisible();
  const items = grid.locator('[data-role="chapter-grid-item"]');
  await expect(items).toHaveCount(8);
  await expect(items.nth(0)).toBeFocused();
  await expect(items.nth(LEFT_OUT)).toContainText('Ikke med i planen');
  await expect(items.nth(1)).not.toContainText('Ikke med i planen');
  await expect(items.nth(1)).toContainText('Søvn');
  await expect(items.nth(1)).toContainText('varer 00:16');
  await expect(items.nth(1).locator('img')).toHaveJSProperty('complete', true);
  const still = items.nth(1).locator('img');
  expect(await still.evaluate((image) => (image as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(
    0,
  );
  await expectAccessible(page, 'chapter overview');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/navigation-grid-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // The arrows move inside the grid and never move the lecture behind it; Tab stays in the dialog.
  await page.keyboard.press('ArrowRight');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('End');
  await expect(items.nth(7)).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(items.nth(4)).toBeFocused();
  // N (next) is not the lecture's while the overview has the keys: the film behind it does not start.
  await page.keyboard.press('n');
  await page.waitForTimeout(500);
  await expect(page.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'ready');
  for (let press = 0; press < 4; press += 1) {
    await page.keyboard.press('Tab');
    expect(await focusInGrid(page)).toBe(true);
  }
  // Escape closes it, and focus goes back to where it was.
  await page.keyboard.press('Escape');
  await expect(grid).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Open again with the button, move to Økonomi (index 4) and jump there with Enter.
  await opener.click();
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  for (let press = 0; press < 4; press += 1) await page.keyboard.press('ArrowRight');
  await expect(items.nth(4)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grid).toHaveCount(0);
  await expect(page.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'paused');
  await expect(page.locator('[data-role="phase"]')).toContainText('Økonomi');
  await expect(chapter(4)).toHaveAttribute('aria-current', 'step');
  await expect(opener).toBeFocused();
  // Opened on the chapter under way, which it marks.
  await page.keyboard.press('O');
  await expect(items.nth(4)).toBeFocused();
  await expect(items.nth(4)).toHaveAttribute('aria-current', 'step');
  await expect(items.nth(4)).toContainText('Vises nå');
  await page.keyboard.press('O');
  await expect(grid).toHaveCount(0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/navigation-console-${size.width}x${size.height}.png` });
  }
});

test('the single-window film screen opens the chapter overview with O too', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await unlockDemo(page, host.url);
  await page.locator('[data-role="start"]').click();
  await expect(page.locator('[data-role="stage"]')).toBeVisible();
  await page.keyboard.press('o');
  const grid = page.locator('[data-role="chapter-grid"]');
  await expect(grid).toBeVisible();
  await expectAccessible(page, 'chapter overview on the film screen');
  await page.screenshot({ path: `${SHOTS}/navigation-film-grid.png` });
  await grid.locator('[data-role="chapter-grid-item"]').nth(SHORT_CHAPTER).click();
  await expect(grid).toHaveCount(0);
  await expect(page.locator('[data-role="chapter-title"]')).toContainText('Taushetsplikt');
});
