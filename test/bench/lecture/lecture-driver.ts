import type { Page } from '@playwright/test';
import type { BenchChapter, BenchGlobal, BenchVideo } from '../../support/page-shapes';

/** How a stop is made: Plenum's own, or the baseline, a plain `timeupdate` listener that pauses. */
export type StopMethod = 'plenum' | 'timeupdate';

/** Where the film stood after one stop, as the page saw it. */
export interface StopInPage {
  currentTime: number;
  /** Frames presented at or after the chapter's end while it played: frames of the next chapter seen. */
  nextChapterFrames: number;
}

/**
 * The course's chapters, from the manifest in main's snapshot (the real cut points, not the course file's
 * nominal times), for the course unlocked under `handle`.
 */
export async function manifestChapters(page: Page, handle: string): Promise<BenchChapter[]> {
  return page.evaluate(async (courseHandle) => {
    const result = await (globalThis as unknown as BenchGlobal).plenum.state.get({});
    if (!result.ok) throw new Error(`state.get was refused: ${result.error.code}`);
    const course = result.value.courses.find((unlocked) => unlocked.handle === courseHandle);
    if (course === undefined) throw new Error('the course is not unlocked');
    return course.manifest.chapters.map(({ id, start, end, pause }) => ({ id, start, end, pause }));
  }, handle);
}

/**
 * Sends "go to chapter" to the running session (what a digit key does) and returns the milliseconds until
 * the film presents a frame of that chapter's start (requestVideoFrameCallback), or NaN after 5 s. Returns
 * once the film stands still at the start, so the next step can seek from there.
 */
export async function goToChapterTimed(page: Page, index: number, start: number): Promise<number> {
  return page.locator('video[data-role="film"]').evaluate(
    async (element, { chapter, chapterStart }) => {
      const scope = globalThis as unknown as BenchGlobal;
      const video = element as unknown as BenchVideo;
      const began = scope.performance.now();
      const presented = new Promise<number>((resolve) => {
        const watch = (now: number, metadata: { mediaTime: number }): void => {
          if (metadata.mediaTime >= chapterStart - 0.041 && metadata.mediaTime < chapterStart + 0.5) {
            resolve(now - began);
          } else video.requestVideoFrameCallback(watch);
        };
        video.requestVideoFrameCallback(watch);
        scope.setTimeout(() => resolve(Number.NaN), 5_000);
      });
      const sent = await scope.plenum.session.command({ command: { type: 'go-to-chapter', chapter } });
      if (!sent.ok) throw new Error('go-to-chapter was refused');
      const elapsed = await presented;
      for (let waited = 0; waited < 5_000 && (video.seeking || !video.paused); waited += 20) {
        await new Promise<void>((done) => scope.setTimeout(() => done(), 20));
      }
      return Math.max(0, elapsed);
    },
    { chapter: index, chapterStart: start },
  );
}

/**
 * Plays `leadIn` seconds of film up to the end of `chapter` at `rate` and lets `method` stop it: seeks to
 * the lead-in (paused), starts playback with the session's own "play" command, waits for the pause and any
 * seek that follows it, and reads back where the film stands. For the baseline, Plenum's stop is switched
 * off through its bench-only seam and a `timeupdate` listener pauses once `currentTime ≥ end`.
 */
export async function playToStop(
  page: Page,
  chapter: BenchChapter,
  options: { rate: number; leadIn: number; method: StopMethod },
): Promise<StopInPage> {
  return page.locator('video[data-role="film"]').evaluate(
    async (element, { end, rate, leadIn, baseline }) => {
      const scope = globalThis as unknown as BenchGlobal;
      const video = element as unknown as BenchVideo;
      const event = (name: string): Promise<void> =>
        new Promise<void>((done) => video.addEventListener(name, () => done(), { once: true }));
      scope.__plenumDisableChapterStop = baseline;
      video.defaultPlaybackRate = rate;
      video.playbackRate = rate;
      const sought = event('seeked');
      video.currentTime = Math.max(0, end - leadIn);
      await sought;

      let live = true;
      let nextChapterFrames = 0;
      const watch = (_now: number, metadata: { mediaTime: number }): void => {
        if (!live) return;
        if (metadata.mediaTime >= end - 1e-4) nextChapterFrames++;
        video.requestVideoFrameCallback(watch);
      };
      video.requestVideoFrameCallback(watch);
      const onTimeUpdate = (): void => {
        if (video.currentTime >= end) video.pause();
      };
      if (baseline) video.addEventListener('timeupdate', onTimeUpdate);

      const playing = event('playing');
      const sent = await scope.plenum.session.command({ command: { type: 'play' } });
      if (!sent.ok) throw new Error('play was refused');
      const timeout = new Promise<never>((_, fail) =>
        scope.setTimeout(
          () => fail(new Error(`no stop within ${leadIn / rate + 10} s`)),
          (leadIn / rate + 10) * 1000,
        ),
      );
      await Promise.race([playing, timeout]);
      await Promise.race([event('pause'), timeout]);
      if (video.seeking) await Promise.race([event('seeked'), timeout]);
      // Two animation frames: the sought frame reaches the compositor before the picture is read back.
      await new Promise<void>((done) =>
        scope.requestAnimationFrame(() => scope.requestAnimationFrame(() => done())),
      );
      live = false;
      video.removeEventListener('timeupdate', onTimeUpdate);
      scope.__plenumDisableChapterStop = false;
      video.defaultPlaybackRate = 1;
      video.playbackRate = 1;
      return { currentTime: video.currentTime, nextChapterFrames };
    },
    {
      end: chapter.end,
      rate: options.rate,
      leadIn: options.leadIn,
      baseline: options.method === 'timeupdate',
    },
  );
}
