import { expect, test, type Page } from '@playwright/test';
import {
  lastFrameIndex,
  msUntilPause,
  pausePoint,
  positionAt,
} from '../../../renderer/src/film/chapter-stop';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import type { SessionCommand } from '../../../src/common/session/session-state';
import { frameOnScreen } from '../../support/frame-on-screen';
import { DEMO_PASSWORD, ensureDemoCourse, startPlenumHost, type PlenumHost } from './plenum-host';

// Frame accuracy of the chapter stop in real Chromium, on the short demo through the loopback host: the
// demo film burns its frame number into the picture, so the test reads which frame is really on screen.

const FPS = 25;
const FRAME = 1 / FPS;

/** A chapter as the manifest records it (the packer snapped its times to real cut points). */
interface Chapter {
  id: string;
  start: number;
  end: number;
  pause: boolean;
}

/** The film element's state after a stop (typed structurally: this file compiles without DOM types). */
interface Still {
  currentTime: number;
  paused: boolean;
  /** The latest media time any frame callback saw while the chapter played: must stay before the end. */
  latestPresented: number;
}

let host: PlenumHost;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  ensureDemoCourse();
  host = await startPlenumHost();
});

test.afterAll(async () => {
  await host?.stop();
});

test.describe('the stop arithmetic', () => {
  const chapter = { start: 6, end: 22.16 };

  test('the film pauses two frames early at 1x, and earlier in wall time at 2x', () => {
    expect(pausePoint(chapter, FRAME, 1)).toBeCloseTo(22.08, 9);
    expect(pausePoint(chapter, FRAME, 0.5)).toBeCloseTo(22.08, 9);
    // At 2x two frames last 40 ms; the lead is kept at 80 ms of wall time (0.16 s of film).
    expect(pausePoint(chapter, FRAME, 2)).toBeCloseTo(22.0, 9);
    // Never before the chapter's start.
    expect(pausePoint({ start: 10, end: 10.04 }, FRAME, 1)).toBe(10);
  });

  test('the timer is the remaining film time divided by the rate', () => {
    expect(msUntilPause(21.08, chapter, FRAME, 1)).toBeCloseTo(1000, 6);
    expect(msUntilPause(21.08, chapter, FRAME, 0.5)).toBeCloseTo(2000, 6);
    expect(msUntilPause(22.08, chapter, FRAME, 1)).toBe(0);
    expect(msUntilPause(30, chapter, FRAME, 1)).toBe(0);
    // A zero rate cannot arm a timer for ever.
    expect(Number.isFinite(msUntilPause(21, chapter, FRAME, 0))).toBe(true);
  });

  test('the playhead is extrapolated from the presented frame', () => {
    expect(positionAt(10, 1000, 1100, 1)).toBeCloseTo(10.1, 9);
    expect(positionAt(10, 1000, 1100, 2)).toBeCloseTo(10.2, 9);
    expect(positionAt(10, 1016, 1000, 1)).toBeCloseTo(9.984, 9);
  });

  test("a chapter's last frame is its end times the frame rate, minus one", () => {
    expect(lastFrameIndex(6, FPS)).toBe(149);
    expect(lastFrameIndex(22.16, FPS)).toBe(553);
    expect(lastFrameIndex(22.160001, FPS)).toBe(553);
  });
});

/** Unlocks the demo and starts the lecture; returns the course handle (read from the media URLs). */
async function startLecture(page: Page): Promise<string> {
  let handle: string | null = null;
  page.on('request', (request) => {
    const match = /\/media\/([a-f0-9]{32})\//.exec(request.url());
    if (match?.[1] !== undefined) handle = match[1];
  });
  await page.goto(host.url);
  await page.locator('[data-role="open-demo"]').click();
  await page.locator('[data-role="password"]').fill(DEMO_PASSWORD);
  await page.locator('[data-role="password"]').press('Enter');
  await page.locator('[data-role="start"]').click();
  // A course with a notice shows it before the first frame; starting from it plays the film.
  const notice = page.locator('[data-role="notice-start"]');
  await notice.waitFor({ timeout: 5_000 }).then(
    () => notice.click(),
    () => undefined,
  );
  await expect.poll(() => handle, { timeout: 15_000 }).not.toBeNull();
  return handle!;
}

/** The course's chapters, from the manifest in main's snapshot (the course unlocked under `handle`). */
async function manifestChapters(page: Page, handle: string): Promise<Chapter[]> {
  return page.evaluate(async (courseHandle) => {
    const api = (globalThis as unknown as PageGlobal).plenum;
    const result = await api.state.get({});
    if (!result.ok) throw new Error(`state.get: ${result.error.code}`);
    const course = result.value.courses.find((unlocked) => unlocked.handle === courseHandle);
    if (course === undefined) throw new Error("the course is not in main's snapshot");
    return course.manifest.chapters.map(({ id, start, end, pause }) => ({ id, start, end, pause }));
  }, handle);
}

/** The page's globals this spec touches, typed structurally where the DOM is (no DOM types in this file). */
interface PageGlobal {
  plenum: PlenumApi;
  latestPresented: number;
  requestAnimationFrame(callback: () => void): number;
}

/** The parts of the `<video>` element the page scripts below touch. */
interface PageVideo {
  currentTime: number;
  playbackRate: number;
  defaultPlaybackRate: number;
  paused: boolean;
  seeking: boolean;
  readyState: number;
  videoWidth: number;
  videoHeight: number;
  requestVideoFrameCallback(callback: (now: number, metadata: { mediaTime: number }) => void): number;
}

/** Sends a lecture command to the running session as the lecturer's controls would. */
async function command(page: Page, lectureCommand: SessionCommand): Promise<void> {
  const ok = await page.evaluate(async (body) => {
    const api = (globalThis as unknown as PageGlobal).plenum;
    return (await api.session.command({ command: body })).ok;
  }, lectureCommand);
  expect(ok, `lecture command ${JSON.stringify(lectureCommand)}`).toBe(true);
}

/** Sets the playback rate, seeks (when `at` is given) and starts recording the latest presented frame. */
async function prepareFilm(page: Page, options: { rate: number; at?: number }): Promise<void> {
  await page.locator('video[data-role="film"]').evaluate(async (element, { rate, at }) => {
    const video = element as unknown as PageVideo & EventTargetLike;
    video.defaultPlaybackRate = rate;
    video.playbackRate = rate;
    if (at !== undefined) {
      const seeked = new Promise<void>((done) =>
        video.addEventListener('seeked', () => done(), { once: true }),
      );
      video.currentTime = at;
      await seeked;
    }
    const record = globalThis as unknown as PageGlobal;
    record.latestPresented = -1;
    const watch = (_now: number, metadata: { mediaTime: number }): void => {
      record.latestPresented = Math.max(record.latestPresented, metadata.mediaTime);
      video.requestVideoFrameCallback(watch);
    };
    video.requestVideoFrameCallback(watch);
  }, options);
}

/** `addEventListener` on the video, typed structurally. */
interface EventTargetLike {
  addEventListener(name: string, listener: () => void, options?: { once: boolean }): void;
}

/** Waits until the film stands still (paused, no seek in flight, a frame decoded) and reads where. */
async function stillState(page: Page): Promise<Still> {
  const film = page.locator('video[data-role="film"]');
  await expect
    .poll(() =>
      film.evaluate((element) => {
        const video = element as unknown as PageVideo;
        return video.paused && !video.seeking && video.readyState >= 2;
      }),
    )
    .toBe(true);
  return film.evaluate(async (element) => {
    // Two animation frames: the sought frame reaches the compositor before it is read back.
    const scope = globalThis as unknown as PageGlobal;
    await new Promise<void>((done) =>
      scope.requestAnimationFrame(() => scope.requestAnimationFrame(() => done())),
    );
    const video = element as unknown as PageVideo;
    const record = globalThis as unknown as PageGlobal;
    return { currentTime: video.currentTime, paused: video.paused, latestPresented: record.latestPresented };
  });
}

/** Waits for the stop at the end of `chapter` and checks it is exact: time, picture, nothing of the next. */
async function expectExactStop(page: Page, chapter: Chapter, label: string): Promise<void> {
  const discussion = page.locator(`[data-role="discussion"][data-chapter-id="${chapter.id}"]`);
  await expect(discussion, `${label}: the discussion view`).toBeVisible({ timeout: 30_000 });
  const still = await stillState(page);
  expect(still.paused, `${label}: paused`).toBe(true);
  expect(Math.abs(still.currentTime - chapter.end), `${label}: |currentTime - end|`).toBeLessThanOrEqual(
    FRAME,
  );
  expect(still.latestPresented, `${label}: no frame of the next chapter presented`).toBeLessThan(chapter.end);
  expect(await frameOnScreen(page), `${label}: the frame on screen`).toBe(lastFrameIndex(chapter.end, FPS));
}

/** Jumps to a chapter through the session API and waits until the film stands at its start. */
async function goToChapter(page: Page, chapters: Chapter[], index: number): Promise<Chapter> {
  const chapter = chapters[index]!;
  await command(page, { type: 'go-to-chapter', chapter: index });
  await expect
    .poll(() =>
      page.locator('video[data-role="film"]').evaluate((element) => {
        const video = element as unknown as PageVideo;
        return video.paused && !video.seeking ? video.currentTime : -1;
      }),
    )
    .toBeCloseTo(chapter.start, 1);
  return chapter;
}

test("the film stops on each chapter's last frame at 0.5x-2x, after seeks and after jumps", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const handle = await startLecture(page);
  const chapters = await manifestChapters(page, handle);
  expect(chapters.length).toBeGreaterThanOrEqual(6);
  expect(chapters.every((chapter) => chapter.pause)).toBe(true);

  // 1x from the very start of the film.
  await prepareFilm(page, { rate: 1 });
  await expectExactStop(page, chapters[0]!, 'chapter 1 at 1x');

  // 1x, continued from the discussion, then sought into the middle of the chapter while playing.
  await command(page, { type: 'next' });
  await expect(page.locator('[data-role="discussion"]')).toBeHidden();
  await prepareFilm(page, { rate: 1, at: chapters[1]!.end - 2.5 });
  await expectExactStop(page, chapters[1]!, 'chapter 2 at 1x after a seek');

  // 1x after jumping ahead to another chapter, sought into its middle before playing.
  const fourth = await goToChapter(page, chapters, 3);
  await prepareFilm(page, { rate: 1, at: fourth.end - 2 });
  await command(page, { type: 'play' });
  await expectExactStop(page, fourth, 'chapter 4 at 1x after a jump');

  // 2x after a jump, then 2x again straight on into the next chapter (its whole length).
  const sixth = await goToChapter(page, chapters, 5);
  await prepareFilm(page, { rate: 2, at: sixth.end - 3 });
  await command(page, { type: 'play' });
  await expectExactStop(page, sixth, 'chapter 6 at 2x after a jump');
  await command(page, { type: 'next' });
  await prepareFilm(page, { rate: 2 });
  await expectExactStop(page, chapters[6]!, 'chapter 7 at 2x');

  // 0.5x after jumping back to an earlier chapter.
  const third = await goToChapter(page, chapters, 2);
  await prepareFilm(page, { rate: 0.5, at: third.end - 1.5 });
  await command(page, { type: 'play' });
  await expectExactStop(page, third, 'chapter 3 at 0.5x after a jump back');
});
