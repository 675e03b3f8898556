import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { useHostPerTest } from './host-per-test';
import { unlockDemo } from './unlock-demo';

// The room check before class, through the loopback host: the console turns the test pattern on and the
// audience page shows it (after a reload too, since main holds it), the tone button makes the page that holds
// the stage start a 1 kHz oscillator (WebAudio, watched by wrapping OscillatorNode.start), and with no
// audience page the console's own window shows both. The host cannot see displays, and says so.

/** Where the screenshots go (the review's folder when PLENUM_SHOTS names one). */
const SHOTS = process.env['PLENUM_SHOTS'] ?? 'test-results/screens';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const host = useHostPerTest();

test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** Records every oscillator started in each page of the context (frequency in Hz), in `__plenumTones`. */
async function watchOscillators(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const scope = globalThis as unknown as {
      __plenumTones: number[];
      OscillatorNode: { prototype: { start(when?: number): void; frequency: { value: number } } };
    };
    scope.__plenumTones = [];
    const start = scope.OscillatorNode.prototype.start;
    scope.OscillatorNode.prototype.start = function (this: { frequency: { value: number } }, when?: number) {
      scope.__plenumTones.push(this.frequency.value);
      return start.call(this, when);
    };
  });
}

const tonesIn = (page: Page): Promise<number[]> =>
  page.evaluate(() => (globalThis as unknown as { __plenumTones: number[] }).__plenumTones);

/** axe (WCAG 2.1 A/AA) on one part of a page. */
async function expectAccessibleIn(page: Page, selector: string, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
}

test('the console turns the test pattern on, the audience page shows it (after a reload too) and plays the tone', async ({
  context,
}) => {
  await watchOscillators(context);
  const presenter = await context.newPage();
  await unlockDemo(presenter, host.url);
  const panel = presenter.locator('[data-role="room-check"]');
  await expect(panel).toBeVisible();
  // The browser host cannot see displays: it says what to do instead, and offers no display buttons.
  await expect(panel.locator('[data-role="display-verdict"]')).toHaveAttribute('data-verdict', 'page');
  await expect(panel.locator('[data-role="display-verdict"]')).toContainText('trykk F');
  await expect(panel.locator('[data-role="identify-displays"]')).toHaveCount(0);
  await expect(panel.locator('[data-role="room-check-where"]')).toContainText('denne skjermen');
  await expectAccessibleIn(presenter, '[data-role="room-check"]', 'the room check panel');

  const audience = await context.newPage();
  await audience.goto(`${host.origin}/?view=audience`);
  await expect(audience.locator('[data-role="audience-waiting"]')).toBeVisible();
  await expect(panel.locator('[data-role="room-check-where"]')).toContainText('publikumsvinduet');
  await expect(panel.locator('[data-role="audience-open-page"]')).toHaveCount(0);

  await panel.locator('[data-role="test-pattern-toggle"]').click();
  await expect(panel.locator('[data-role="test-pattern-toggle"]')).toHaveAttribute('aria-pressed', 'true');
  const pattern = audience.locator('[data-role="test-pattern"]');
  await expect(pattern).toBeVisible();
  await expect(pattern).toContainText('Hva er viktig for MEG');
  // The page holding the stage is the audience page: the console stays usable, with no pattern over it.
  await expect(presenter.locator('[data-role="test-pattern"]')).toHaveCount(0);
  // The pattern fills the viewport, whatever its size, and nothing in it spills out.
  for (const size of SIZES) {
    await audience.setViewportSize(size);
    const box = await pattern.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: size.width, height: size.height });
    await expect(audience.locator('[data-role="test-pattern-size"]')).toHaveText(
      `${size.width} × ${size.height} piksler`,
    );
    const text = await audience.locator('.test-pattern-text').boundingBox();
    expect(text).not.toBeNull();
    expect(text!.x).toBeGreaterThanOrEqual(0);
    expect(text!.y).toBeGreaterThanOrEqual(0);
    expect(text!.x + text!.width).toBeLessThanOrEqual(size.width);
    expect(text!.y + text!.height).toBeLessThanOrEqual(size.height);
    await audience.screenshot({ path: `${SHOTS}/room-check-pattern-${size.width}x${size.height}.png` });
  }
  await expectAccessibleIn(audience, '[data-role="test-pattern"]', 'the test pattern');

  // Main holds it: a reloaded audience page shows the pattern again, and plays no old tone.
  await audience.reload();
  await expect(audience.locator('[data-role="test-pattern"]')).toBeVisible();

  await panel.locator('[data-role="test-tone"]').click();
  await expect(audience.locator('[data-role="test-tone-playing"]')).toBeVisible();
  expect(await tonesIn(audience)).toEqual([1000]);
  // It ends by itself after about a second.
  await expect(audience.locator('[data-role="test-tone-playing"]')).toHaveCount(0, { timeout: 5000 });
  expect(await tonesIn(presenter)).toEqual([]);

  await audience.reload();
  await expect(audience.locator('[data-role="test-pattern"]')).toBeVisible();
  await audience.waitForTimeout(1500);
  expect(await tonesIn(audience)).toEqual([]);

  await panel.locator('[data-role="test-pattern-toggle"]').click();
  await expect(audience.locator('[data-role="test-pattern"]')).toHaveCount(0);
  await expect(audience.locator('[data-role="audience-waiting"]')).toBeVisible();
});

test('with no audience page the console’s own window shows the pattern and plays the tone; Escape or its button ends it', async ({
  context,
}) => {
  await watchOscillators(context);
  const page = await context.newPage();
  await unlockDemo(page, host.url);
  const panel = page.locator('[data-role="room-check"]');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/room-check-panel-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  await panel.locator('[data-role="test-tone"]').click();
  await expect(page.locator('[data-role="test-tone-playing"]')).toBeVisible();
  expect(await tonesIn(page)).toEqual([1000]);

  await panel.locator('[data-role="test-pattern-toggle"]').click();
  const pattern = page.locator('[data-role="test-pattern"]');
  await expect(pattern).toBeVisible();
  expect(await pattern.boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
  await expect(page.locator('[data-role="test-pattern-off"]')).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/room-check-pattern-on-console-1280x800.png` });
  await page.locator('[data-role="test-pattern-off"]').click();
  await expect(pattern).toHaveCount(0);

  await panel.locator('[data-role="test-pattern-toggle"]').click();
  await expect(pattern).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(pattern).toHaveCount(0);
  await expect(panel.locator('[data-role="test-pattern-toggle"]')).toHaveAttribute('aria-pressed', 'false');
});

test('the console header opens the room check in a dialog; the pattern then covers the console, not the dialog', async ({
  context,
}) => {
  const page = await context.newPage();
  await unlockDemo(page, host.url);
  await page.locator('[data-role="start-presenter"]').click();
  await expect(page.locator('[data-role="presenter"]')).toBeVisible();
  const open = page.locator('[data-role="room-check-open"]');
  await open.click();
  const dialog = page.locator('[data-role="room-check-dialog"]');
  await expect(dialog.locator('[data-role="room-check"]')).toBeVisible();
  await expectAccessibleIn(page, '[data-role="room-check-dialog"]', 'the room check dialog');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/room-check-console-dialog-${size.width}x${size.height}.png` });
    // The console stays one fixed screen with the dialog open.
    const scroll = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } })
        .document.documentElement;
      return root.scrollHeight;
    });
    expect(scroll).toBeLessThanOrEqual(size.height);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  // Space on a dialog button presses that button only: the film does not start.
  await dialog.locator('[data-role="test-tone"]').focus();
  await page.keyboard.press('Space');
  // The button got the key (the tone plays here, no audience page), and after a round trip's worth of
  // waiting the lecture is still where it was: the key did not also reach the console's lecture keys.
  await expect(page.locator('[data-role="test-tone-playing"]')).toBeVisible();
  await page.waitForTimeout(700);
  await expect(page.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'ready');

  await dialog.locator('[data-role="test-pattern-toggle"]').click();
  await expect(page.locator('[data-role="test-pattern"]')).toBeVisible();
  await expect(dialog).not.toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-role="test-pattern"]')).toHaveCount(0);

  await open.click();
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-role="room-check-close"]').click();
  await expect(dialog).not.toBeVisible();
});

/** A display as main's check lists it (the shape of src/common/room/display-check.ts). */
function shown(id: number, number: number, x: number, fields: Record<string, unknown> = {}) {
  return {
    id,
    number,
    label: id === 1 ? 'Built-in Retina' : 'EPSON PJ',
    bounds: { x, y: 0, width: id === 1 ? 1440 : 1920, height: id === 1 ? 900 : 1080 },
    scaleFactor: id === 1 ? 2 : 1,
    internal: id === 1,
    presenter: id === 1,
    audience: false,
    eligible: false,
    ...fields,
  };
}

test('with main’s displays (as Electron reports them) the panel warns in words when mirrored, and moves the audience window', async ({
  page,
}) => {
  // The host cannot see displays, so main's answers are stood in for here; the panel is what is tested.
  const mirrored = { displays: [shown(1, 1, 0), shown(7, 2, 0)], verdict: { kind: 'mirrored' } };
  const extended = {
    displays: [shown(1, 1, 0), shown(7, 2, 1440, { eligible: true })],
    verdict: { kind: 'extended', audience: 2 },
  };
  const moved = {
    displays: [shown(1, 1, 0), shown(7, 2, 1440, { eligible: true, audience: true })],
    verdict: { kind: 'extended', audience: 2 },
  };
  let answer: unknown = mirrored;
  const calls: string[] = [];
  await page.route('**/api/app.info', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: true; value: Record<string, unknown> };
    await route.fulfill({ response, json: { ...body, value: { ...body.value, audienceWindow: 'native' } } });
  });
  for (const channel of ['room.displays', 'room.identify', 'room.audienceTo']) {
    await page.route(`**/api/${channel}`, async (route) => {
      calls.push(`${channel} ${route.request().postData() ?? ''}`);
      if (channel === 'room.audienceTo') answer = moved;
      await route.fulfill({ json: { ok: true, value: answer } });
    });
  }
  await unlockDemo(page, host.url);
  const panel = page.locator('[data-role="room-check"]');
  const verdict = panel.locator('[data-role="display-verdict"]');
  await expect(verdict).toHaveAttribute('data-verdict', 'mirrored');
  await expect(verdict).toContainText('Salen vil se konsollen din');
  await expect(panel.locator('[data-role="display"]')).toHaveCount(2);
  await expect(panel.locator('[data-role="audience-to-display"]')).toHaveCount(0);
  await expectAccessibleIn(page, '[data-role="room-check"]', 'the room check, mirrored');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/room-check-mirrored-${size.width}x${size.height}.png` });
  }

  answer = extended;
  await panel.locator('[data-role="refresh-displays"]').click();
  await expect(verdict).toHaveAttribute('data-verdict', 'extended');
  await expect(verdict).toContainText('salen får skjerm 2, konsollen blir på skjerm 1');
  await panel.locator('[data-role="identify-displays"]').click();
  const move = panel.locator('[data-role="audience-to-display"]');
  await expect(move).toHaveAccessibleName('Flytt publikumsvinduet til skjerm 2');
  await move.click();
  await expect(panel.locator('[data-role="display"][data-display="2"]')).toContainText(
    'publikumsvinduet er her',
  );
  await expect(move).toHaveCount(0);
  expect(calls).toContain('room.audienceTo {"displayId":7}');
  expect(calls.filter((call) => call.startsWith('room.identify'))).toHaveLength(1);
  await panel.screenshot({ path: `${SHOTS}/room-check-extended-1920x1080.png` });
});
