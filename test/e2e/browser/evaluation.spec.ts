import { expect, test, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectAccessible } from '../../support/expect-accessible';
import { DEMO_PASSWORD, ensureDemoCourse, startPlenumHost } from './plenum-host';

// The end of a lecture on the room's screen: the evaluation address is set on the overview (a wrong one is
// explained and not saved), the end card shows when the film has played to its end and when the lecturer
// ends the session, and its QR code, read back from a screenshot, is exactly the address set. The short
// demo's last chapter (index 7) runs 79.92-95.60 s; the audience page's film is sent to near its end so the
// test plays only its last moment. With one screen, the overview offers the same end card for that screen.

const LAST_CHAPTER = 7;
const ADDRESS = 'https://nettskjema.no/a/123456?kurs=hva-er-viktig';
const MESSAGE = 'Neste gang: individuell plan.';

test.beforeAll(() => {
  ensureDemoCourse();
});

/** The text of the QR code in a screenshot of `target`, or null when none is found. */
async function decodeQr(target: Locator): Promise<string | null> {
  const png = PNG.sync.read(await target.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** Plays the last chapter's final second in the audience page, then moves from its discussion to the end. */
async function playLastChapterToTheEnd(presenter: Page, audience: Page): Promise<void> {
  await presenter.locator(`[data-role="timeline-chapter"][data-chapter-index="${LAST_CHAPTER}"]`).click();
  const phase = presenter.locator('[data-role="phase"]');
  await expect(phase).toHaveAttribute('data-phase', 'paused');
  await expect(audience.locator('[data-role="film"]')).toHaveJSProperty('paused', true);
  await audience.locator('[data-role="film"]').evaluate((element) => {
    // The test's tsconfig has no DOM types: the element is the page's <video>.
    (element as unknown as { currentTime: number }).currentTime = 94.6;
  });
  await presenter.locator('[data-role="play-pause"]').click();
  await expect(phase).toHaveAttribute('data-phase', 'discussing', { timeout: 20_000 });
  // In a discussion "Fortsett" (play-pause) is the one way on: "Neste" shows only while a chapter runs.
  await expect(presenter.locator('[data-role="next"]')).toHaveCount(0);
  await presenter.locator('[data-role="play-pause"]').click();
  await expect(phase).toHaveAttribute('data-phase', 'finished');
}

test('the end card shows the evaluation QR code, which decodes to the address set', async ({ browser }) => {
  test.setTimeout(90_000);
  const host = await startPlenumHost();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const presenter = await context.newPage();
    await presenter.goto(host.url);
    await presenter.locator('[data-role="open-demo"]').click();
    await presenter.locator('[data-role="password"]').fill(DEMO_PASSWORD);
    await presenter.locator('[data-role="password"]').press('Enter');
    const form = presenter.locator('[data-role="evaluation-settings"]');
    await expect(form).toBeVisible();

    // A plain-http address is explained beside the field, in the app's language, and not saved.
    const field = form.getByLabel('Adresse til evalueringen (https)');
    await field.fill('http://nettskjema.no/a/123456');
    await form.locator('[data-role="evaluation-save"]').click();
    await expect(form.locator('[data-role="evaluation-url-error"]')).toContainText('https-adresse');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toBeFocused();
    await expect(form.locator('[data-role="evaluation-saved"]')).toHaveText('');
    await expectAccessible(presenter, 'overview with a wrong evaluation address');
    await form.screenshot({ path: 'test-results/screens/evaluation-settings-wrong.png' });

    // No address: the film's end shows thanks but no QR code, and the console says where to set one.
    await presenter.locator('[data-role="start-presenter"]').click();
    const audience = await context.newPage();
    await audience.goto(`${host.origin}/?view=audience`);
    await expect(presenter.locator('[data-role="room-mirror"]')).toBeVisible();
    await playLastChapterToTheEnd(presenter, audience);
    await expect(audience.locator('[data-role="finished"]')).toContainText('Takk for i dag!');
    await expect(audience.locator('[data-role="evaluation-qr"]')).toHaveCount(0);
    await expect(presenter.locator('[data-role="evaluation-hint"]')).toContainText(
      'Evaluering og avslutning',
    );

    // Ending the session leaves the end card on the room's screen instead of the waiting screen.
    await presenter.locator('[data-role="end-session"]').click();
    await presenter.locator('[data-role="end-session-yes"]').click();
    const ended = audience.locator('[data-role="end-card"]');
    await expect(ended).toContainText('Hva er viktig for MEG');
    await expect(audience.locator('[data-role="audience-waiting"]')).toHaveCount(0);

    // Set on the overview, the address and the message reach the room's end card at once.
    await field.fill(ADDRESS);
    await form.getByLabel('Avslutningshilsen (valgfri)').fill(MESSAGE);
    await form.locator('[data-role="evaluation-save"]').click();
    await expect(form.locator('[data-role="evaluation-saved"]')).toHaveText('Lagret.');
    await expect(form.locator('[data-role="evaluation-url-error"]')).toHaveText('');
    const qr = audience.locator('[data-role="evaluation-qr"]');
    await expect(qr.locator('img')).toBeVisible();
    await expect(ended.locator('[data-role="evaluation-address"]')).toHaveText(ADDRESS);
    await expect(ended.locator('[data-role="closing-message"]')).toHaveText(MESSAGE);
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await audience.setViewportSize(size);
      expect(await decodeQr(qr)).toBe(ADDRESS);
      // Large enough for the back row: at least half the screen's height.
      const box = await qr.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThan(size.height / 2);
      await audience.screenshot({ path: `test-results/screens/end-card-${size.width}x${size.height}.png` });
    }
    await expectAccessible(audience, 'end card');

    // A new lecture takes the end card away; its film's end shows the code again, and the console no hint.
    await presenter.locator('[data-role="start-presenter"]').click();
    await expect(ended).toHaveCount(0);
    await playLastChapterToTheEnd(presenter, audience);
    const finished = audience.locator('[data-role="finished"]');
    await expect(finished.locator('[data-role="evaluation-qr"] img')).toBeVisible();
    expect(await decodeQr(finished.locator('[data-role="evaluation-qr"]'))).toBe(ADDRESS);
    await expect(presenter.locator('[data-role="evaluation-hint"]')).toHaveCount(0);
    await expectAccessible(audience, 'end of the film');

    // One screen (the audience page closed): the room sees the lecturer's window, so ending the lecture
    // brings the overview with an offer to show the end card right here.
    await audience.close();
    await expect(presenter.locator('[data-role="preview"]')).toBeVisible();
    await presenter.locator('[data-role="end-session"]').click();
    await presenter.locator('[data-role="end-session-yes"]').click();
    await presenter.locator('[data-role="show-end-card"]').click();
    const screen = presenter.locator('[data-role="end-screen"]');
    await expect(screen.locator('[data-role="end-card"]')).toContainText('Takk for i dag!');
    expect(await decodeQr(screen.locator('[data-role="evaluation-qr"]'))).toBe(ADDRESS);
    await expectAccessible(presenter, 'end card on this screen');
    await presenter.screenshot({ path: 'test-results/screens/end-card-this-screen.png' });
    await presenter.keyboard.press('Escape');
    await expect(screen).toHaveCount(0);
    await expect(presenter.locator('[data-role="evaluation-settings"]')).toBeVisible();
  } finally {
    await host.stop();
  }
});
