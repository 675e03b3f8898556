import { expectAccessible } from '../../support/expect-accessible';
import { expect, test, type Page } from '@playwright/test';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import { discussionClock } from '../../../renderer/src/film/discussion-clock';
import { promptPage } from '../../../renderer/src/film/prompt-paging';
import { svgDataUrl } from '../../../renderer/src/film/svg-data-url';
import { useHostPerTest } from './host-per-test';
import { unlockDemo } from './unlock-demo';

// Lecture mode's screen in Chromium against the loopback host and the short demo course: keys, notice,
// discussion view, lecturer panel, timer, subtitles, statement replay and resume. The pure parts first.

const host = useHostPerTest();

test('the timer, prompt paging and QR data URL are computed right', () => {
  expect(discussionClock({ since: 1000 }, 1000 + 65_400, 5)).toEqual({
    elapsed: '01:05',
    target: '05:00',
    over: false,
    paused: false,
  });
  expect(discussionClock({ since: 0 }, 300_000, 5).over).toBe(true);
  expect(discussionClock({ since: 5000 }, 1000, 5).elapsed).toBe('00:00');
  expect(discussionClock({ since: 0 }, 10_000, undefined)).toEqual({
    elapsed: '00:10',
    target: null,
    over: false,
    paused: false,
  });
  // Paused: it stands at the pause, however late it is read.
  expect(discussionClock({ since: 0, pausedAt: 30_000 }, 900_000, 5)).toMatchObject({
    elapsed: '00:30',
    over: false,
    paused: true,
  });
  expect(promptPage(4, 0, 'one')).toEqual({ shown: [0], current: 0, canPrevious: false, canNext: true });
  expect(promptPage(4, 3, 'one')).toEqual({ shown: [3], current: 3, canPrevious: true, canNext: false });
  expect(promptPage(4, 9, 'one').current).toBe(3);
  expect(promptPage(3, 1, 'all').shown).toEqual([0, 1, 2]);
  expect(promptPage(0, 0, 'one')).toEqual({ shown: [], current: null, canPrevious: false, canNext: false });
  expect(svgDataUrl('<svg/>')).toBe(`data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`);
});

/** The film element's playback facts (typed structurally: this file compiles without DOM types). */
interface FilmStatus {
  currentTime: number;
  paused: boolean;
}

async function filmStatus(page: Page): Promise<FilmStatus> {
  return page.locator('video[data-role="film"]').evaluate((element) => {
    const video = element as unknown as FilmStatus;
    return { currentTime: video.currentTime, paused: video.paused };
  });
}

/** Opens the demo, unlocks it and returns the recorded requests (checked to stay on the host). */
async function openDemo(page: Page): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(host.url);
  await unlockDemo(page);
  return requests;
}

function expectOwnOrigin(requests: string[]): void {
  const foreign = requests.filter(
    (url) =>
      !url.startsWith(`${host.origin}/`) &&
      !url.startsWith(`blob:${host.origin}/`) &&
      !url.startsWith('data:'),
  );
  expect(foreign, 'requests that left the host').toEqual([]);
}

/** The page's document, typed structurally (this file compiles without DOM types). */
interface PageDocument {
  fullscreenElement: { className: string } | null;
  createElement(tag: string): {
    type: string;
    id: string;
    setAttribute(name: string, value: string): void;
  };
  querySelector(selector: string): { append(node: unknown): void } | null;
}

const title = (page: Page) => page.locator('[data-role="chapter-title"]');

test('notice, play/pause, back, digits, blank, keys overlay, full screen and text fields', async ({
  page,
}) => {
  const requests = await openDemo(page);
  await page.locator('[data-role="start"]').click();
  // Before the film the screen holds the course title; the notice is the lecturer's until shown.
  const holding = page.locator('[data-role="holding"]');
  await expect(holding).toContainText('Hva er viktig for MEG');
  await expect(page.locator('[data-role="notice-start"]')).toBeFocused();
  await expectAccessible(page, 'holding screen');
  await page.locator('[data-role="show-notice"]').click();
  const notice = page.locator('[data-role="notice"]');
  await expect(notice).toBeVisible();
  await expect(page.locator('[data-role="notice-start"]')).toBeFocused();
  expect((await filmStatus(page)).currentTime).toBe(0);
  await expectAccessible(page, 'notice card');
  await page.keyboard.press('PageDown');
  await expect(notice).toBeHidden();
  await expect(holding).toBeHidden();
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeGreaterThan(0.5);
  await expectAccessible(page, 'playing');

  // Digits jump to a chapter's start; Space (or K) plays and pauses.
  await page.keyboard.press('2');
  await expect(title(page)).toContainText('Søvn');
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeCloseTo(6, 1);
  expect((await filmStatus(page)).paused).toBe(true);
  await page.keyboard.press(' ');
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeGreaterThan(8.3);
  await page.keyboard.press('k');
  await expect.poll(async () => (await filmStatus(page)).paused).toBe(true);
  await page.keyboard.press('K');
  await expect.poll(async () => (await filmStatus(page)).paused).toBe(false);

  // Back: beyond 2 s into a chapter, to its start; at its start, to the previous chapter.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeCloseTo(6, 1);
  await expect(title(page)).toContainText('Søvn');
  await page.keyboard.press('PageUp');
  await expect(title(page)).toContainText('Åpningssekvens');
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeLessThan(0.1);
  // 0 is the tenth chapter, which the demo lacks: nothing happens.
  await page.keyboard.press('0');
  await page.keyboard.press('3');
  await expect(title(page)).toContainText('Bolig');

  // Blank: pure black; the next key (even "next") only brings the picture back, and the film plays on.
  await page.keyboard.press(' ');
  await expect.poll(async () => (await filmStatus(page)).paused).toBe(false);
  await page.keyboard.press('b');
  const blank = page.locator('[data-role="blank"]');
  await expect(blank).toBeVisible();
  await expect.poll(async () => (await filmStatus(page)).paused).toBe(true);
  expect(
    await blank.evaluate(
      (element) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
        ).getComputedStyle(element).backgroundColor,
    ),
  ).toBe('rgb(0, 0, 0)');
  await expectAccessible(page, 'blank');
  await page.screenshot({ path: 'test-results/screens/lecture-blank.png' });
  await page.keyboard.press('n');
  await expect(blank).toBeHidden();
  await expect(title(page)).toContainText('Bolig');
  await expect.poll(async () => (await filmStatus(page)).paused).toBe(false);
  // A paused film stays paused under the cover and after it.
  await page.keyboard.press(' ');
  await expect.poll(async () => (await filmStatus(page)).paused).toBe(true);
  await page.keyboard.press('.');
  await expect(blank).toBeVisible();
  await page.keyboard.press('x');
  await expect(blank).toBeHidden();

  // ? shows the keys; Esc or ? closes them.
  await page.keyboard.press('?');
  const keys = page.locator('[data-role="keys"]');
  await expect(keys).toBeVisible();
  await expect(keys).toContainText('PageDown');
  await expectAccessible(page, 'keys overlay');
  await page.screenshot({ path: 'test-results/screens/lecture-keys.png' });
  await page.keyboard.press('n');
  await expect(title(page)).toContainText('Bolig');
  await page.keyboard.press('Escape');
  await expect(keys).toBeHidden();
  await page.keyboard.press('?');
  await expect(keys).toBeVisible();
  await page.keyboard.press('?');
  await expect(keys).toBeHidden();

  // F: the film's stage goes full screen; Esc leaves full screen and does nothing else.
  await page.keyboard.press('f');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (globalThis as unknown as { document: PageDocument }).document.fullscreenElement?.className ?? null,
      ),
    )
    .toBe('film-stage');
  await page.keyboard.press('Escape');
  await expect
    .poll(() =>
      page.evaluate(
        () => (globalThis as unknown as { document: PageDocument }).document.fullscreenElement === null,
      ),
    )
    .toBe(true);
  await expect(title(page)).toContainText('Bolig');
  expect((await filmStatus(page)).paused).toBe(true);

  // Keys typed into a text field stay there.
  await page.evaluate(() => {
    const document = (globalThis as unknown as { document: PageDocument }).document;
    const field = document.createElement('input');
    field.type = 'text';
    field.setAttribute('aria-label', 'test field');
    field.id = 'typing';
    document.querySelector('.film-bar')?.append(field);
  });
  await page.locator('#typing').focus();
  await page.keyboard.type('b2n ?');
  await expect(page.locator('#typing')).toHaveValue('b2n ?');
  await expect(blank).toBeHidden();
  await expect(keys).toBeHidden();
  await expect(title(page)).toContainText('Bolig');
  expectOwnOrigin(requests);
});

test('discussion: one prompt or all (remembered), lecturer panel, statement replay', async ({ page }) => {
  const requests = await openDemo(page);
  await page.locator('[data-role="start"]').click();
  // Keys act once the film screen is up (its notice card shows); a test can otherwise outrun React's effects.
  await expect(page.locator('[data-role="notice-start"]')).toBeVisible();
  await page.keyboard.press('2');
  await expect(title(page)).toContainText('Søvn');
  await page.keyboard.press(' ');
  const discussion = page.locator('[data-role="discussion"][data-chapter-id="sovn"]');
  await expect(discussion).toBeVisible({ timeout: 30_000 });
  const prompts = discussion.locator('[data-role="prompt"]');
  await expect(prompts).toHaveCount(1);
  await expect(prompts).toContainText('agendaen');
  await expect(discussion.locator('[data-role="quote"]')).toContainText('Rune');
  await expectAccessible(page, 'discussion (one prompt)');
  await page.screenshot({ path: 'test-results/screens/lecture-discussion-one.png' });
  await discussion.locator('[data-role="next-prompt"]').click();
  await expect(prompts).toContainText('konflikt');
  await expect(discussion.locator('[data-role="prompt-position"]')).toContainText('2 av 4');
  await discussion.locator('[data-role="previous-prompt"]').click();
  await expect(prompts).toContainText('agendaen');

  await discussion.locator('[data-role="show-all-prompts"]').click();
  await expect(prompts).toHaveCount(4);
  await expect(discussion.locator('[data-role="show-all-prompts"]')).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'discussion (all prompts)');
  await page.screenshot({ path: 'test-results/screens/lecture-discussion-all.png' });
  const stored = () =>
    page.evaluate(async () => {
      const api = (globalThis as unknown as { plenum: { state: { get(a: object): Promise<unknown> } } })
        .plenum;
      return ((await api.state.get({})) as { value: { settings: { promptMode: string } } }).value.settings
        .promptMode;
    });
  await expect.poll(stored).toBe('all');

  // The lecturer panel: tips, links as text with an offline QR image, statements to replay.
  await page.locator('[data-role="panel-toggle"]').click();
  const panel = page.locator('[data-role="lecturer-panel"]');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-role="tips"]')).toContainText('Forbered møtet sammen med brukeren');
  await expect(panel.locator('[data-role="link"]')).toHaveCount(4);
  await expect(panel.locator('[data-role="link"]').first()).toContainText('https://lovdata.no/');
  const qr = panel.locator('[data-role="qr"]').first();
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await expect
    .poll(() => qr.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Åpne i nettleseren' }).first().click();
  await expectAccessible(page, 'lecturer panel open');
  await page.screenshot({ path: 'test-results/screens/lecture-panel.png' });

  // Replaying the chapter's last statement (it ends at the chapter's end) plays it and stops on its end,
  // back in the same discussion: the chapter-end logic does not move the lecture on.
  const replays = panel.locator('[data-role="replay"]');
  await expect(replays).toHaveCount(4);
  await replays.nth(3).click();
  await expect(discussion).toBeHidden();
  await expect.poll(async () => (await filmStatus(page)).paused, { timeout: 10_000 }).toBe(false);
  await expect(discussion).toBeVisible({ timeout: 10_000 });
  let stop = await filmStatus(page);
  expect(stop.paused).toBe(true);
  expect(stop.currentTime).toBeGreaterThan(22.1);
  expect(stop.currentTime).toBeLessThan(22.16);
  await expect(title(page)).toContainText('Søvn');
  // A statement in the middle (13.6-14.4) stops on its own end. The replay goes through main, so the
  // discussion is still shown for a moment after the click: wait for the film to stand in the statement.
  await replays.nth(0).click();
  await expect
    .poll(
      async () => {
        const status = await filmStatus(page);
        return status.paused && status.currentTime < 15;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  await expect(discussion).toBeVisible({ timeout: 10_000 });
  stop = await filmStatus(page);
  expect(stop.paused).toBe(true);
  expect(stop.currentTime).toBeGreaterThan(14.3);
  expect(stop.currentTime).toBeLessThan(14.45);

  // Back to one prompt at a time, remembered too; the next chapter shows its solution ideas.
  await discussion.locator('[data-role="show-all-prompts"]').click();
  await expect(prompts).toHaveCount(1);
  await expect.poll(stored).toBe('one');
  await page.keyboard.press('3');
  await expect(panel.locator('[data-role="solutions"]')).toContainText('Husbanken');
  expectOwnOrigin(requests);
});

test('the discussion timer starts at the stop and says when time is up', async ({ page }) => {
  await page.clock.install();
  const requests = await openDemo(page);
  await page.locator('[data-role="start"]').click();
  await page.locator('[data-role="notice-start"]').click();
  await expect(page.locator('[data-role="discussion"][data-chapter-id="apning"]')).toBeVisible({
    timeout: 20_000,
  });
  const timer = page.locator('[data-role="timer"]');
  await expect(timer).toContainText('av 05:00');
  await expect(timer).toHaveAttribute('data-over', 'false');
  await expect(timer).not.toContainText('Tiden er ute');
  await page.clock.fastForward('05:01');
  await expect(timer).toHaveAttribute('data-over', 'true');
  await expect(timer).toContainText('Tiden er ute');
  expectOwnOrigin(requests);
});

test('the room reads the course’s language, whatever the interface speaks', async ({ page }) => {
  await openDemo(page);
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { plenum: PlenumApi }).plenum;
    await api.settings.update({ language: 'en' });
  });
  await page.locator('[data-role="start"]').click();
  await page.locator('[data-role="notice-start"]').click();
  const discussion = page.locator('[data-role="discussion"][data-chapter-id="apning"]');
  await expect(discussion).toBeVisible({ timeout: 20_000 });
  // The demo course is in bokmål: its label is the course's; the lecturer's buttons stay in English.
  await expect(discussion.locator('.discussion-label')).toHaveText('Samtale');
  await expect(discussion.locator('.discussion-label')).toHaveAttribute('lang', 'nb');
  await expect(page.locator('[data-role="leave"]')).toHaveText('Back to the overview');
});

test('subtitles on and off with S, a cue shows, and the choice is remembered', async ({ page }) => {
  const requests = await openDemo(page);
  await page.locator('[data-role="start"]').click();
  await expect(page.locator('[data-role="notice-start"]')).toBeVisible();
  await page.keyboard.press('n');
  const mode = () =>
    page
      .locator('video[data-role="film"]')
      .evaluate((element) => (element as unknown as { textTracks: { mode: string }[] }).textTracks[0]?.mode);
  await expect.poll(mode).toBe('disabled');
  await page.keyboard.press('s');
  await expect.poll(mode).toBe('showing');
  await expect(page.locator('[data-role="subtitles"]')).toHaveValue('nb');
  await expect
    .poll(
      () =>
        page.locator('video[data-role="film"]').evaluate((element) => {
          const tracks = (element as unknown as { textTracks: { activeCues: { text: string }[] | null }[] })
            .textTracks;
          const cues = tracks[0]?.activeCues;
          return cues === null || cues === undefined ? '' : Array.from(cues, (cue) => cue.text).join(' ');
        }),
      // The first cue comes a few seconds into the film; a loaded CI machine may start playback late.
      { timeout: 30_000 },
    )
    .not.toBe('');
  await page.keyboard.press('S');
  await expect.poll(mode).toBe('disabled');
  await expect(page.locator('[data-role="subtitles"]')).toHaveValue('');
  await page.locator('[data-role="subtitles"]').selectOption('nb');
  await expect.poll(mode).toBe('showing');
  expectOwnOrigin(requests);
});

test('locking and unlocking the course continues the session where the film stopped', async ({ page }) => {
  const requests = await openDemo(page);
  await page.locator('[data-role="start"]').click();
  await expect(page.locator('[data-role="notice-start"]')).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press(' ');
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeGreaterThan(9);
  await page.locator('[data-role="leave"]').click();
  await page.locator('[data-role="lock"]').click();
  await unlockDemo(page);
  await expect(page.locator('[data-role="resume-note"]')).toContainText('kapittel 2');
  await expect(page.locator('[data-role="start"]')).toContainText('Start fra begynnelsen');
  await expectAccessible(page, 'overview with an unfinished session');
  await page.locator('[data-role="resume"]').click();
  await expect(title(page)).toContainText('Søvn');
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeGreaterThan(9);
  expectOwnOrigin(requests);
});
