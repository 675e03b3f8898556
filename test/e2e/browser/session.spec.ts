import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../../support/expect-accessible';
import { ensureDemoCourse, startPlenumHost } from './plenum-host';
import { unlockDemo } from './unlock-demo';

// The session as one object owned by main: a presenter that reloads, a host killed mid-discussion, a
// rehearsal beside the lecture, and Back pressed twice, all through the loopback host in Chromium. The short
// demo's chapter 4 (index 3, Taushetsplikt) runs 34.24-38.72 s and has 4 prompts.

const SHORT_CHAPTER = 3;

test.beforeAll(() => {
  test.setTimeout(360_000);
  ensureDemoCourse();
});

async function openPresenter(page: Page, mode: 'lecture' | 'rehearsal' = 'lecture'): Promise<void> {
  await page.locator(`[data-role="start-${mode === 'lecture' ? 'presenter' : 'rehearsal'}"]`).click();
  await expect(page.locator('[data-role="presenter"]')).toHaveAttribute('data-mode', mode);
}

/** Plays the short chapter to its end in the presenter's preview and shows prompt 2 on the room's screen. */
async function discussPromptTwo(presenter: Page): Promise<void> {
  await presenter.locator(`[data-role="timeline-chapter"][data-chapter-index="${SHORT_CHAPTER}"]`).click();
  await expect(presenter.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'paused');
  await presenter.locator('[data-role="play-pause"]').click();
  await expect(presenter.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'discussing', {
    timeout: 30_000,
  });
  await presenter.locator('[data-role="show-prompt"][data-index="1"]').click();
  await expect(presenter.locator('[data-role="presenter-prompt"]').nth(1)).toHaveAttribute(
    'data-on-screen',
    'true',
  );
}

/** The session clock's reading in seconds ("Økta: 01:05" → 65). */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.locator('[data-role="session-elapsed"]').textContent()) ?? '';
  const match = /(\d+):(\d{2})(?::(\d{2}))?/.exec(text);
  if (match === null) throw new Error(`no clock in ${JSON.stringify(text)}`);
  const [, a, b, c] = match;
  return c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
}

test('a reloaded presenter comes back to the same discussion and prompt, without the password', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const host = await startPlenumHost();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const presenter = await context.newPage();
    await unlockDemo(presenter, host.url);
    await openPresenter(presenter);
    await discussPromptTwo(presenter);
    const audience = await context.newPage();
    await audience.goto(`${host.origin}/?view=audience`);
    const second = (await presenter.locator('[data-role="presenter-prompt"] p').nth(1).textContent()) ?? '';
    await expect(audience.locator('[data-role="prompt"]')).toHaveText(second);
    await presenter.waitForTimeout(2_500);
    const before = await clockSeconds(presenter);
    expect(before).toBeGreaterThan(1);

    await presenter.reload();
    await expect(presenter.locator('[data-role="password"]')).toHaveCount(0);
    await expect(presenter.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'discussing');
    await expect(presenter.locator('[data-role="presenter-prompt"]').nth(1)).toHaveAttribute(
      'data-on-screen',
      'true',
    );
    // The audience page kept showing the same prompt throughout.
    await expect(audience.locator('[data-role="prompt"]')).toHaveText(second);
    expect(await clockSeconds(presenter)).toBeGreaterThanOrEqual(before);

    // Leaving for the overview and opening the presenter again continues, clock and all.
    await presenter.locator('[data-role="leave"]').click();
    await expect(presenter.getByRole('heading', { level: 1, name: 'Hva er viktig for MEG' })).toBeVisible();
    await openPresenter(presenter);
    await expect(presenter.locator('[data-role="session-continued"]')).toBeVisible();
    await expect(presenter.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'discussing');
    expect(await clockSeconds(presenter)).toBeGreaterThanOrEqual(before);
    await expectAccessible(presenter, 'presenter, continued session');
    await context.close();
  } finally {
    await host.stop();
  }
});

test('after kill -9 the unfinished session continues where it was, the clock within 5 s', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-e2e-session-'));
  try {
    const first = await startPlenumHost({ dataDir });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await unlockDemo(page, first.url);
    await openPresenter(page);
    await discussPromptTwo(page);
    // Long enough for a periodic save of the clock (every 5 s).
    await page.waitForTimeout(6_000);
    const atKill = await clockSeconds(page);
    await first.kill();
    await context.close();

    const second = await startPlenumHost({ dataDir });
    try {
      const again = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page2 = await again.newPage();
      await unlockDemo(page2, second.url);
      await openPresenter(page2);
      await expect(page2.locator('[data-role="session-continued"]')).toBeVisible();
      await expect(page2.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'discussing');
      await expect(page2.locator('[data-role="phase"]')).toContainText('Taushetsplikt');
      await expect(page2.locator('[data-role="presenter-prompt"]').nth(1)).toHaveAttribute(
        'data-on-screen',
        'true',
      );
      const continued = await clockSeconds(page2);
      expect(continued).toBeGreaterThanOrEqual(atKill - 5);
      expect(continued).toBeLessThanOrEqual(atKill + 5);
      // A fresh session instead, when the lecturer asks for one.
      await page2.locator('[data-role="session-fresh"]').click();
      await expect(page2.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'ready');
      await expect(page2.locator('[data-role="session-continued"]')).toHaveCount(0);
      await again.close();
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('rehearsal and lecture never move each other; End the session asks first', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await startPlenumHost();
  try {
    await unlockDemo(page, host.url);
    await openPresenter(page, 'lecture');
    await page.locator('[data-role="timeline-chapter"][data-chapter-index="2"]').click();
    await expect(page.locator('[data-role="phase"]')).toContainText('Bolig');
    await page.locator('[data-role="leave"]').click();

    await openPresenter(page, 'rehearsal');
    await expect(page.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'ready');
    await page.locator('[data-role="timeline-chapter"][data-chapter-index="4"]').click();
    await expect(page.locator('[data-role="phase"]')).toContainText('Økonomi');
    await page.locator('[data-role="leave"]').click();

    await openPresenter(page, 'lecture');
    await expect(page.locator('[data-role="phase"]')).toContainText('Bolig');
    await page.locator('[data-role="end-session"]').click();
    const confirm = page.locator('[data-role="end-session-confirm"]');
    await expect(confirm).toBeVisible();
    await expectAccessible(page, 'end the session?');
    await page.locator('[data-role="end-session-no"]').click();
    await expect(page.locator('[data-role="presenter"]')).toBeVisible();
    await page.locator('[data-role="end-session"]').click();
    await page.locator('[data-role="end-session-yes"]').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hva er viktig for MEG' })).toBeVisible();

    // The rehearsal is where it was; a new lecture starts at the beginning.
    await openPresenter(page, 'rehearsal');
    await expect(page.locator('[data-role="phase"]')).toContainText('Økonomi');
    await page.locator('[data-role="leave"]').click();
    await openPresenter(page, 'lecture');
    await expect(page.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'ready');
  } finally {
    await host.stop();
  }
});

test('Back pressed twice goes to the chapter start, then to the previous chapter', async ({ page }) => {
  test.setTimeout(120_000);
  const host = await startPlenumHost();
  try {
    await unlockDemo(page, host.url);
    await openPresenter(page);
    const phase = page.locator('[data-role="phase"]');
    await page.locator(`[data-role="timeline-chapter"][data-chapter-index="2"]`).click();
    await page.locator('[data-role="play-pause"]').click();
    await expect(phase).toHaveAttribute('data-phase', 'playing');
    // Well into the chapter, so the first press only goes back to its start.
    await page.waitForTimeout(3_000);
    await page.keyboard.press('PageUp');
    await expect(phase).toHaveAttribute('data-phase', 'paused');
    await expect(phase).toContainText('Bolig');
    await page.keyboard.press('PageUp');
    await expect(phase).toContainText('Søvn');
  } finally {
    await host.stop();
  }
});

test('the session log lists an ended session with its times, exports CSV, and deletes after asking', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const host = await startPlenumHost();
  try {
    await unlockDemo(page, host.url);
    await openPresenter(page);
    await discussPromptTwo(page);
    // A board entry a spreadsheet would run, with a quote and the delimiter in it.
    const nasty = '=HYPERLINK("https://example.com";"klikk")';
    await page.locator('[data-role="board-new"]').fill(nasty);
    await page.locator('[data-role="board-new"]').press('Enter');
    // Ended at once: leaving the field sends what was typed before the session ends.
    await page.locator('[data-role="end-session"]').click();
    await page.locator('[data-role="end-session-yes"]').click();
    const log = page.locator('[data-role="sessions"]');
    const entry = log.locator('[data-role="session"]');
    await expect(entry).toHaveCount(1);
    await expect(entry.locator('[data-role="session-status"]')).toHaveAttribute('data-ended', 'true');
    await entry.locator('summary').click();
    await expect(entry.locator('tr[data-chapter-id="taushetsplikt"]')).toBeVisible();
    // What the class said is in the log too.
    await expect(entry.locator('[data-role="session-board"]')).toContainText(nasty);
    await expectAccessible(page, 'overview with the session log');
    await log.screenshot({ path: 'test-results/screens/session-log.png' });

    const downloaded = page.waitForEvent('download');
    await log.locator('[data-role="sessions-export"]').click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^plenum-okter-hva-er-viktig-for-meg-.*\.csv$/);
    const text = await readFile((await file.path()) ?? '', 'utf8');
    expect(text.startsWith('\uFEFFsession_id;course_id;course_title;kind;')).toBe(true);
    const rows = parse(text, { bom: true, delimiter: ';' });
    const row = rows.find((cells) => cells[7] === 'taushetsplikt');
    expect(row?.[8]).toBe('Taushetsplikt');
    // Quoted as RFC 4180 says, read back whole, and neutralised: the spreadsheet shows it as text.
    expect(row?.[12]).toBe(`'${nasty}`);
    expect(text).toContain(`"'=HYPERLINK(""https://example.com"";""klikk"")"`);

    await entry.locator('[data-role="session-remove"]').click();
    await expect(page.locator('[data-role="session-remove-confirm"]')).toBeVisible();
    await page.locator('[data-role="session-remove-no"]').click();
    await expect(entry).toHaveCount(1);
    await entry.locator('[data-role="session-remove"]').click();
    await page.locator('[data-role="session-remove-yes"]').click();
    await expect(entry).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

test('the class board: typed in the console, projected and hidden, kept through kill -9', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-e2e-board-'));
  try {
    const first = await startPlenumHost({ dataDir });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const presenter = await context.newPage();
    await unlockDemo(presenter, first.url);
    await openPresenter(presenter);
    await discussPromptTwo(presenter);
    const audience = await context.newPage();
    await audience.setViewportSize({ width: 1280, height: 720 });
    await audience.goto(`${first.origin}/?view=audience`);
    await expect(audience.locator('[data-role="discussion"]')).toBeVisible();

    const board = presenter.locator('[data-role="class-board"]');
    await board.locator('[data-role="board-new"]').fill('Rune vil bestemme selv');
    await board.locator('[data-role="board-new"]').press('Enter');
    await board.locator('[data-role="board-new"]').fill('Hvem har lov til å vite om prøvesvaret?');
    await board.locator('[data-role="board-new"]').press('Enter');
    await expect(board.locator('[data-role="board-entry"]')).toHaveCount(2);
    // Kept apart from the private notes, and said to be public.
    await expect(presenter.locator('[data-role="notes"] [data-role="board-entry"]')).toHaveCount(0);

    await board.locator('[data-role="board-toggle"]').click();
    const projected = audience.locator('[data-role="board"]');
    await expect(projected).toContainText('Rune vil bestemme selv');
    await expect(projected).toContainText('prøvesvaret');
    await expect(audience.locator('[data-role="discussion"]')).toHaveCount(0);
    await expectAccessible(audience, 'the class board on the room screen');
    await expectAccessible(presenter, 'presenter with the class board');
    await audience.screenshot({ path: 'test-results/screens/audience-board.png' });
    // One key hides it again (T, from the room's window as from a clicker).
    await audience.keyboard.press('t');
    await expect(projected).toHaveCount(0);
    await expect(audience.locator('[data-role="discussion"]')).toBeVisible();

    // An edit, then a crash well within a second of typing: nothing typed is lost.
    await board.locator('[data-role="board-entry"]').first().fill('Rune vil bestemme selv over planen');
    await presenter.waitForTimeout(900);
    await first.kill();
    await context.close();

    const second = await startPlenumHost({ dataDir });
    try {
      const page = await browser.newPage();
      await unlockDemo(page, second.url);
      await openPresenter(page);
      const entries = page.locator('[data-role="class-board"] [data-role="board-entry"]');
      await expect(entries).toHaveCount(2);
      await expect(entries.first()).toHaveValue('Rune vil bestemme selv over planen');
      await page.close();
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
