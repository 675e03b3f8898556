import { expectAccessible } from '../../support/expect-accessible';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_COURSE, DEMO_PASSWORD, startPlenumHost } from './plenum-host';
import { useHostPerTest } from './host-per-test';

// The renderer in real Chromium against the loopback host and the real (short) demo course file. Needs
// `npm run build` (the CLI and host, the renderer, and the host's client out/renderer/plenum-client.js) and
// Chromium at /usr/bin/chromium (`apt-get install chromium`).

const host = useHostPerTest();

/** The film element's playback facts (typed structurally: this file compiles without DOM types). */
interface FilmStatus {
  currentTime: number;
  videoWidth: number;
  paused: boolean;
}

async function filmStatus(page: Page): Promise<FilmStatus> {
  return page.locator('video[data-role="film"]').evaluate((element) => {
    const video = element as unknown as FilmStatus;
    return { currentTime: video.currentTime, videoWidth: video.videoWidth, paused: video.paused };
  });
}

/** Opens the host's URL and records every request the page makes. */
async function openApp(page: Page): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(host.url);
  return requests;
}

/** Whether a request stays on the host: its own origin, or a blob: URL minted by that origin. */
function isOwnOrigin(url: string): boolean {
  return (
    url.startsWith(`${host.origin}/`) || url.startsWith(`blob:${host.origin}/`) || url.startsWith('data:')
  );
}

test('library, unlock, overview and the film play from the demo course, all from the host', async ({
  page,
}) => {
  // Console errors include CSP violations (an inline style or a foreign fetch would show up here).
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  const requests = await openApp(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Kursbibliotek' })).toBeVisible();
  const openDemo = page.locator('[data-role="open-demo"]');
  await expect(openDemo).toBeVisible();
  await expect(page.locator('.demo-card')).toContainText('Hva er viktig for MEG');
  await expectAccessible(page, 'library');
  await page.screenshot({ path: 'test-results/screens/1-library.png', fullPage: true });

  await openDemo.click();
  const password = page.locator('[data-role="password"]');
  await expect(password).toBeFocused();
  await expect(page.getByText(DEMO_PASSWORD)).toBeVisible();
  await expectAccessible(page, 'unlock');
  await page.screenshot({ path: 'test-results/screens/2-unlock.png', fullPage: true });

  await password.fill(DEMO_PASSWORD);
  await password.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Hva er viktig for MEG' })).toBeVisible();
  await expect(page.locator('.chapter-table tbody tr')).not.toHaveCount(0);
  await expectAccessible(page, 'overview');
  await page.screenshot({ path: 'test-results/screens/3-overview.png' });
  await page.screenshot({ path: 'test-results/screens/3b-overview-full.png', fullPage: true });

  await page.locator('[data-role="start"]').click();
  // The course's notice stands on the stage before the first frame; starting from it plays the film.
  await page.locator('[data-role="notice-start"]').click();
  await expect.poll(async () => (await filmStatus(page)).currentTime, { timeout: 15_000 }).toBeGreaterThan(1);
  expect((await filmStatus(page)).videoWidth).toBe(640);
  await page.screenshot({ path: 'test-results/screens/4-film.png' });

  // The first chapter (0:00-0:06 in the short demo) stops for discussion on its own last frame.
  const discussion = page.locator('[data-role="discussion"]');
  await expect(discussion).toBeVisible({ timeout: 20_000 });
  await expect(discussion).toHaveAttribute('data-chapter-id', 'apning');
  const stopped = await filmStatus(page);
  expect(stopped.paused).toBe(true);
  expect(stopped.currentTime).toBeLessThan(6);
  expect(stopped.currentTime).toBeGreaterThan(5.9);
  await expectAccessible(page, 'discussion');
  await page.screenshot({ path: 'test-results/screens/5-discussion.png' });
  // The picture left standing under the discussion view: the demo film burns in its frame code.
  await discussion.evaluate((element) => {
    (element as unknown as { style: { visibility: string } }).style.visibility = 'hidden';
  });
  await page.screenshot({ path: 'test-results/screens/5b-still-frame.png' });
  await discussion.evaluate((element) => {
    (element as unknown as { style: { visibility: string } }).style.visibility = '';
  });

  // N continues with the next chapter.
  await page.keyboard.press('n');
  await expect(discussion).toBeHidden();
  await expect
    .poll(async () => (await filmStatus(page)).currentTime, { timeout: 15_000 })
    .toBeGreaterThan(6.5);
  await expect(page.locator('[data-role="chapter-title"]')).toContainText('Søvn');

  // The second chapter ends at 0:22.16 and shows its first prompt and its quote, by the speaker's name.
  const second = page.locator('[data-role="discussion"][data-chapter-id="sovn"]');
  await expect(second).toBeVisible({ timeout: 30_000 });
  await expect(second.locator('[data-role="prompt"]')).toContainText('agendaen');
  await expect(second.locator('[data-role="quote"]')).toContainText('Jeg må få sove');
  await expect(second.locator('[data-role="quote"]')).toContainText('Rune');
  const secondStop = await filmStatus(page);
  expect(secondStop.currentTime).toBeLessThan(22.16);
  expect(secondStop.currentTime).toBeGreaterThan(22.1);
  await page.screenshot({ path: 'test-results/screens/6-discussion-prompt.png' });

  const foreign = requests.filter((url) => !isOwnOrigin(url));
  expect(foreign, 'requests that left the host').toEqual([]);
  expect(requests.some((url) => url.includes('/media/'))).toBe(true);
  expect(problems, 'console errors and uncaught exceptions').toEqual([]);
});

test('a wrong password shows an alert and keeps focus in the field', async ({ page }) => {
  const requests = await openApp(page);
  await page.locator('[data-role="open-demo"]').click();
  const password = page.locator('[data-role="password"]');
  await password.fill('not-the-password');
  await password.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Feil passord' });
  await expect(alert).toBeVisible();
  await expect(password).toBeFocused();
  await expect(page.locator('[data-role="unlock"]')).toBeEnabled();
  await expectAccessible(page, 'unlock (wrong password)');
  await page.screenshot({ path: 'test-results/screens/2b-unlock-wrong.png', fullPage: true });

  // Typing replaces the selected attempt, and the right password opens the course.
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Hva er viktig for MEG' })).toBeVisible();
  expect(requests.filter((url) => !isOwnOrigin(url))).toEqual([]);
});

test('leaving the film and starting again picks the lecture up where it stands', async ({ page }) => {
  await openApp(page);
  await page.locator('[data-role="open-demo"]').click();
  await page.locator('[data-role="password"]').fill(DEMO_PASSWORD);
  await page.locator('[data-role="password"]').press('Enter');
  await page.locator('[data-role="start"]').click();
  await page.locator('[data-role="notice-start"]').click();
  const discussion = page.locator('[data-role="discussion"][data-chapter-id="apning"]');
  await expect(discussion).toBeVisible({ timeout: 20_000 });

  // The overview offers the unfinished session; continuing it comes back to the same discussion.
  await page.locator('[data-role="leave"]').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hva er viktig for MEG' })).toBeVisible();
  await expect(page.locator('[data-role="resume-note"]')).toContainText('kapittel 1, «Åpningssekvens»');
  await page.locator('[data-role="resume"]').click();
  await expect(discussion).toBeVisible();
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeGreaterThan(5.9);
  expect((await filmStatus(page)).currentTime).toBeLessThan(6);

  await page.locator('[data-role="continue"]').click();
  await expect(discussion).toBeHidden();
  await expect.poll(async () => (await filmStatus(page)).currentTime).toBeGreaterThan(6.5);

  // Starting from the beginning instead ends that session: the new one stands before the film again.
  await page.locator('[data-role="leave"]').click();
  await expect(page.locator('[data-role="resume-note"]')).toContainText('kapittel 2, «Søvn»');
  await page.locator('[data-role="start"]').click();
  await expect(page.locator('[data-role="notice-start"]')).toBeVisible();
  expect((await filmStatus(page)).currentTime).toBe(0);

  // Locking the course returns to the library; a reload then stays there (main holds the course no more).
  await page.locator('[data-role="leave"]').click();
  await expect(page.locator('[data-role="resume-note"]')).toContainText('filmen var ikke startet');
  const lock = page.locator('[data-role="lock"]');
  await expect(lock).toHaveAccessibleName('Lås kurset');
  await lock.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kursbibliotek' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Kursbibliotek' })).toBeVisible();
  await expect(page.locator('[data-role="open-demo"]')).toBeVisible();
});

test('the language follows the picker and is remembered', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Kursbibliotek' })).toBeVisible();
  const picker = page.getByLabel('Språk');
  await picker.selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Course library' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'library (English)');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Course library' })).toBeVisible();
  await page.getByLabel('Language').selectOption('nn');
  await expect(page.locator('[data-role="open-demo"]')).toHaveText('Opne');
  await page.locator('[data-role="open-demo"]').click();
  await page.locator('[data-role="password"]').fill('wrong');
  await page.locator('[data-role="password"]').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Feil passord' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/7-unlock-nynorsk.png' });

  // Back to bokmål, and the unlock screen follows at once.
  await page.getByLabel('Språk').selectOption('nb');
  await expect(page.getByRole('button', { name: 'Tilbake til biblioteket' })).toBeVisible();
});

test('a typed path that is no course file gets a clear message', async ({ page }) => {
  await openApp(page);
  const field = page.locator('[data-role="course-path"]');
  await field.fill('/no/such/course.plenum');
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '/no/such/course.plenum' })).toBeVisible();
  await expectAccessible(page, 'library (error)');
  await page.screenshot({ path: 'test-results/screens/1b-library-error.png' });
});

test('plenum host --course opens that course straight on its unlock screen', async ({ page }) => {
  const linked = await startPlenumHost({ course: DEMO_COURSE });
  try {
    await page.goto(linked.url);
    await expect(page.locator('[data-role="password"]')).toBeFocused();
    expect(new URL(page.url()).search).toBe('');
    await page.locator('[data-role="password"]').fill(DEMO_PASSWORD);
    await page.locator('[data-role="password"]').press('Enter');
    await expect(page.locator('[data-role="start"]')).toBeVisible();
    // The course stays unlocked in main: the same link opened again goes straight to its overview.
    const again = await page.context().newPage();
    await again.goto(linked.url);
    await expect(again.getByRole('heading', { level: 1, name: 'Hva er viktig for MEG' })).toBeVisible();
    await expect(again.locator('[data-role="start"]')).toBeVisible();
    await expect(again.locator('[data-role="password"]')).toHaveCount(0);
  } finally {
    await linked.stop();
  }
});
