import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { lastFrameIndex } from '../../../renderer/src/film/chapter-stop';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import type { SessionCommand } from '../../../src/common/session/session-state';
import { frameOnScreen } from '../../support/frame-on-screen';
import { useHostPerTest } from './host-per-test';
import { unlockDemo } from './unlock-demo';

// The lecturer's panel through the loopback host on the short demo, whose film burns its frame number into
// the picture. Chapter 2 (index 1, Søvn) runs 6.00-22.16 s; its first statement 13.60-14.40 s, so a replay
// asked while the film plays at ~17 s must seek back, play the statement and stand on its last frame (359)
// without showing a frame past it, in the single-window film screen and in the audience page driven from
// the console. Then a link's QR code on the room's screen, the notes' type size across a reload, the
// chapter's summary, and axe on the panel.

const FPS = 25;
const FRAME = 1 / FPS;
const CHAPTER = 1;
const STATEMENT = { chapter: CHAPTER, index: 0, start: 13.6, end: 14.4 };
/** Chapter 4 (index 3, 34.24-38.72 s) is short: played to its discussion, then its first statement replayed. */
const DISCUSSED = { chapter: 3, index: 0, start: 36.2, end: 37.4 };

/** A statement of the short demo: its chapter, its index there and its span. */
type Replayed = typeof STATEMENT;
const SHOTS = '/tmp/shots';

const host = useHostPerTest();

test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** The page's globals this spec touches, typed structurally (this file compiles without DOM types). */
interface PageGlobal {
  plenum: PlenumApi;
  replayFrames: number[];
  requestAnimationFrame(callback: () => void): number;
}

/** The parts of the `<video>` element the page scripts below touch. */
interface PageVideo {
  currentTime: number;
  paused: boolean;
  seeking: boolean;
  readyState: number;
  requestVideoFrameCallback(callback: (now: number, metadata: { mediaTime: number }) => void): number;
}

/** Sends a lecture command to the running session as the lecturer's controls would. */
async function command(page: Page, body: SessionCommand): Promise<void> {
  const ok = await page.evaluate(async (sent) => {
    const api = (globalThis as unknown as PageGlobal).plenum;
    return (await api.session.command({ command: sent })).ok;
  }, body);
  expect(ok, `command ${JSON.stringify(body)}`).toBe(true);
}

/** The lecture state main holds now. */
async function lecture(page: Page): Promise<LectureState> {
  return page.evaluate(async () => {
    const result = await (globalThis as unknown as PageGlobal).plenum.state.get({});
    if (!result.ok || result.value.session === null) throw new Error('no running session');
    return result.value.session.lecture;
  });
}

/** Plays chapter 2 from its start until the film is past the statement (so the replay must seek back). */
async function playPastTheStatement(driver: Page, player: Page): Promise<void> {
  await command(driver, { type: 'go-to-chapter', chapter: CHAPTER });
  await expect.poll(async () => (await lecture(driver)).phase.kind).toBe('paused');
  await command(driver, { type: 'play' });
  const film = player.locator('video[data-role="film"]');
  await expect
    .poll(() => film.evaluate((element) => (element as unknown as PageVideo).currentTime), {
      timeout: 30_000,
    })
    .toBeGreaterThan(STATEMENT.end + 2);
  expect((await lecture(driver)).phase.kind).toBe('playing');
}

/** Records the media time of every frame the film presents from now on (in the page that plays it). */
async function recordFrames(player: Page): Promise<void> {
  await player.locator('video[data-role="film"]').evaluate((element) => {
    const video = element as unknown as PageVideo;
    const scope = globalThis as unknown as PageGlobal;
    scope.replayFrames = [];
    const watch = (_now: number, metadata: { mediaTime: number }): void => {
      scope.replayFrames.push(metadata.mediaTime);
      video.requestVideoFrameCallback(watch);
    };
    video.requestVideoFrameCallback(watch);
  });
}

/**
 * Clicks the statement's replay button, waits until main says the replay ended and the film stands still,
 * and checks the stop: the statement's own frames were shown, none after its end, and its last frame stands.
 */
async function replayAndExpectExactStop(
  driver: Page,
  player: Page,
  label: string,
  statement: Replayed = STATEMENT,
  phase: 'paused' | 'discussing' = 'paused',
): Promise<void> {
  await recordFrames(player);
  const button = driver
    .locator('[data-role="lecturer-panel"] [data-role="statements"] li')
    .nth(statement.index)
    .locator('[data-role="replay"]');
  await button.click();
  // From playing, the replay pauses the chapter (its own stop is disarmed); a discussion stays one. Then
  // the stage reports the statement's end.
  await expect.poll(async () => (await lecture(driver)).phase.kind, { message: label }).toBe(phase);
  await expect
    .poll(async () => (await lecture(driver)).replay, { timeout: 15_000, message: label })
    .toBeNull();
  const film = player.locator('video[data-role="film"]');
  await expect
    .poll(() =>
      film.evaluate((element) => {
        const video = element as unknown as PageVideo;
        return video.paused && !video.seeking && video.readyState >= 2;
      }),
    )
    .toBe(true);
  const { currentTime, frames } = await film.evaluate(async (element) => {
    // Two animation frames: the sought frame reaches the compositor before it is read back.
    const scope = globalThis as unknown as PageGlobal;
    await new Promise<void>((done) =>
      scope.requestAnimationFrame(() => scope.requestAnimationFrame(() => done())),
    );
    return { currentTime: (element as unknown as PageVideo).currentTime, frames: scope.replayFrames };
  });
  // Frames from before the seek (at ~17 s) end where the first frame of the statement appears.
  const first = frames.findIndex((time) => time < statement.end);
  expect(first, `${label}: the replay showed the statement`).toBeGreaterThanOrEqual(0);
  const replayed = frames.slice(first);
  expect(
    replayed.some((time) => time >= statement.start - FRAME && time < statement.end - 0.4),
    `${label}: frames from the statement's start were shown`,
  ).toBe(true);
  expect(Math.max(...replayed), `${label}: no frame after the statement's end`).toBeLessThan(statement.end);
  expect(Math.abs(currentTime - statement.end), `${label}: |currentTime - end|`).toBeLessThanOrEqual(FRAME);
  const shown = await frameOnScreen(player);
  // The figures, for the notes: which frame stands against the statement's last, and the time.
  console.log(
    `${label}: frame ${shown} (last ${lastFrameIndex(statement.end, FPS)}), currentTime ${currentTime.toFixed(4)} s, ` +
      `latest frame after the seek ${Math.max(...replayed).toFixed(3)} s`,
  );
  expect(shown, `${label}: a frame number is readable`).not.toBeNull();
  expect(Math.abs(shown! - lastFrameIndex(statement.end, FPS)), `${label}: frames off`).toBeLessThanOrEqual(
    1,
  );
  // The lecture stays where the replay left it: paused in the chapter (which plays on from here), or in
  // its discussion.
  expect((await lecture(driver)).phase).toMatchObject({ kind: phase, chapter: statement.chapter });
}

/** axe on the lecturer's panel alone (the rest of the screen is other specs' to check). */
async function expectPanelAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .include('[data-role="lecturer-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(found, `axe on the lecturer's panel (${screen})`).toEqual([]);
}

/** Screenshots of a page at the sizes the issue names, under /tmp/shots (for looking at, not compared). */
async function shots(page: Page, name: string): Promise<void> {
  const sizes = [
    [1280, 800],
    [1024, 768],
    [1280, 720],
    [1920, 1080],
  ] as const;
  const before = page.viewportSize();
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/replay-${name}-${width}x${height}.png` });
  }
  if (before !== null) await page.setViewportSize(before);
}

/** The text of the QR code in a screenshot of `target`, or null when none is found. */
async function decodeQr(target: Locator): Promise<string | null> {
  const png = PNG.sync.read(await target.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** Unlocks the demo and opens the presenter console; with `audience`, opens the audience page too. */
async function openConsole(
  context: BrowserContext,
  audience: boolean,
): Promise<{ presenter: Page; room: Page | null }> {
  const presenter = await context.newPage();
  await unlockDemo(presenter, host.url);
  await presenter.locator('[data-role="start-presenter"]').click();
  await expect(presenter.locator('[data-role="presenter"]')).toBeVisible();
  if (!audience) return { presenter, room: null };
  const room = await context.newPage();
  await room.goto(`${host.origin}/?view=audience`);
  await expect(room.locator('[data-role="audience"] [data-role="stage"]')).toBeVisible();
  await expect(presenter.locator('[data-role="audience-status"]')).toHaveAttribute('data-present', 'true');
  return { presenter, room };
}

test('a statement replayed while the film plays ends on its last frame, in the single-window film screen', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockDemo(page, host.url);
  await page.locator('[data-role="start"]').click();
  await expect(page.locator('[data-role="stage"]')).toBeVisible();
  await page.locator('[data-role="panel-toggle"]').click();
  const panel = page.locator('[data-role="lecturer-panel"]');
  await expect(panel).toBeVisible();

  await playPastTheStatement(page, page);
  // The chapter's summary shows (Markdown as text), and the panel passes axe while the film plays.
  await expect(panel.locator('[data-role="chapter-summary"]')).toContainText('Gro åpner med å spørre');
  await expectPanelAccessible(page, 'film screen, playing');
  await replayAndExpectExactStop(page, page, 'film screen');
  await expect(panel.locator('[data-role="replay"]').first()).toHaveText('Spill av igjen');
  await shots(page, 'film-screen');

  // A second replay from the standing film (paused phase) is as exact, and the phase stays paused.
  await replayAndExpectExactStop(page, page, 'film screen, again from paused');

  // In a discussion the discussion view steps aside for the replay and comes back on its last frame.
  await command(page, { type: 'go-to-chapter', chapter: DISCUSSED.chapter });
  await expect.poll(async () => (await lecture(page)).phase.kind).toBe('paused');
  await command(page, { type: 'play' });
  const discussion = page.locator('[data-role="discussion"]');
  await expect(discussion).toBeVisible({ timeout: 30_000 });
  const hidden = discussion.waitFor({ state: 'hidden', timeout: 10_000 });
  await replayAndExpectExactStop(page, page, 'film screen, from a discussion', DISCUSSED, 'discussing');
  await hidden;
  await expect(discussion).toBeVisible();
});

test('from the console, the replay plays in the audience page and ends on the last frame; a link shows as a QR code there', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { presenter, room } = await openConsole(context, true);
  const audience = room!;
  const panel = presenter.locator('[data-role="lecturer-panel"]');

  await playPastTheStatement(presenter, audience);
  // While the film plays the QR code cannot go up (the film never plays under it): the button says so.
  const showLink = panel.locator('[data-role="link"]').first().locator('[data-role="show-link"]');
  await expect(showLink).toBeDisabled();
  await replayAndExpectExactStop(presenter, audience, 'console and audience page');
  // The console holds no film of its own meanwhile.
  await expect(presenter.locator('video')).toHaveCount(0);

  // Paused in the chapter: the first link goes up large on the room's screen, and its QR code reads back.
  const url = await panel.locator('[data-role="link"]').first().locator('.path').innerText();
  await expect(showLink).toBeEnabled();
  await expect(showLink).toHaveAttribute('aria-pressed', 'false');
  await showLink.click();
  await expect(showLink).toHaveAttribute('aria-pressed', 'true');
  const shown = audience.locator('[data-role="room-link"]');
  await expect(shown).toHaveAttribute('data-url', url);
  await expect(shown.locator('img')).toBeVisible();
  await expect.poll(() => decodeQr(shown), { timeout: 10_000 }).toBe(url);
  await expectPanelAccessible(presenter, 'console, link shown');
  await shots(presenter, 'console-link-shown');
  await shots(audience, 'audience-link');

  // Pressed again, the link comes off the room's screen.
  await showLink.click();
  await expect(shown).toHaveCount(0);
  await expect(showLink).toHaveAttribute('aria-pressed', 'false');
  await context.close();
});

test("the notes' type size steps, is bounded, survives a reload, and the summary shows on the console", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { presenter } = await openConsole(context, false);
  const panel = presenter.locator('[data-role="lecturer-panel"]');
  await command(presenter, { type: 'go-to-chapter', chapter: CHAPTER });
  await expect(panel.locator('[data-role="chapter-summary"]')).toContainText('Gro åpner med å spørre');
  const notes = panel.locator('[data-role="notes-text"]');
  await expect(notes).toBeEnabled();
  const size = (): Promise<string> =>
    notes.evaluate((element) => {
      const scope = globalThis as unknown as { getComputedStyle(node: unknown): { fontSize: string } };
      return scope.getComputedStyle(element).fontSize;
    });
  const control = panel.locator('[data-role="notes-font-size"]');
  await expect.poll(size).toBe('16px');
  await control.locator('[data-role="notes-larger"]').click();
  await expect.poll(size).toBe('18px');
  await control.locator('[data-role="notes-larger"]').click();
  await expect.poll(size).toBe('21px');
  await notes.fill('Fortell om søvndagboka først.');
  await expect(panel.locator('[data-role="notes-status"]')).toHaveAttribute('data-status', 'saved');
  await expectPanelAccessible(presenter, 'console, notes');
  await shots(presenter, 'console-notes');

  // Kept in main's settings: a reload (or a restart) shows the same size.
  await presenter.reload();
  await expect(presenter.locator('[data-role="presenter"]')).toBeVisible();
  await expect.poll(size).toBe('21px');
  await expect(notes).toHaveValue('Fortell om søvndagboka først.');

  // Bounded: the smallest size is the floor, and "smaller" is then disabled.
  const smaller = control.locator('[data-role="notes-smaller"]');
  for (let press = 0; press < 10 && (await smaller.isEnabled()); press += 1) {
    const before = await size();
    await smaller.click();
    await expect.poll(size).not.toBe(before);
  }
  await expect(smaller).toBeDisabled();
  expect(await size()).toBe('14px');
  await context.close();
});
