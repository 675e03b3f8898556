import { _electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import type { AppInfo, AudiencePresence, UnlockedCourse } from '../../../src/common/ipc/contract';
import type { ApiResult } from '../../../src/common/ipc/api-error';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import { electronBinary, hasElectronBinary } from './electron-binary';

// Runs wherever Electron's binary exists (not in this workplace), after `npm run build` and `npm run demo`
// (the demo course is what goes on stage). Which test runs depends on the machine's displays: with one, the
// audience window must not appear (single-screen mode); with two or more, it must appear on the other one.
test.skip(
  !hasElectronBinary(),
  'Electron binary not available on this machine (it cannot be downloaded here); the audience window is covered by test/unit/main/audience-window.test.ts with the electron mock',
);

let app: ElectronApplication;
let presenter: Page;

test.beforeAll(async () => {
  app = await _electron.launch({ executablePath: electronBinary() ?? undefined, args: ['out/main/main.js'] });
  presenter = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
});

/** What the presenter's page gets back from window.plenum (a result, or why the demo could not be staged). */
type Staged = { ok: true; info: AppInfo; course: UnlockedCourse } | { ok: false; why: string };

/** Unlocks the demo course (its library entry) and begins a lecture in the presenter view, as the overview does. */
function stageTheDemo(page: Page): Promise<Staged> {
  return page.evaluate(async (): Promise<Staged> => {
    const plenum = (globalThis as unknown as { plenum: PlenumApi }).plenum;
    const info = await plenum.app.info({});
    if (!info.ok) return { ok: false, why: `app.info: ${info.error.code}` };
    const demo = info.value.demo;
    if (demo === null) return { ok: false, why: 'no demo course built (npm run demo)' };
    const listed = await plenum.library.list({});
    if (!listed.ok) return { ok: false, why: `library.list: ${listed.error.code}` };
    const entry = listed.value.find((record) => record.isDemo && record.path === demo.path);
    if (entry === undefined) return { ok: false, why: 'the demo course is not in the library' };
    const unlocked = await plenum.course.unlock({ id: entry.id, password: demo.password });
    if (!unlocked.ok) return { ok: false, why: `course.unlock: ${unlocked.error.code}` };
    const begun = await plenum.session.begin({
      handle: unlocked.value.handle,
      kind: 'lecture',
      view: 'presenter',
    });
    if (!begun.ok) return { ok: false, why: `session.begin: ${begun.error.code}` };
    return { ok: true, info: info.value, course: unlocked.value };
  });
}

function stageAudience(page: Page, show: boolean): Promise<ApiResult<AudiencePresence>> {
  return page.evaluate(
    (value) => (globalThis as unknown as { plenum: PlenumApi }).plenum.stage.audience({ show: value }),
    show,
  );
}

/** Every window main has, with the display it is on. */
function windowsOnDisplays() {
  return app.evaluate(({ BrowserWindow, screen }) =>
    BrowserWindow.getAllWindows().map((window) => ({
      url: window.webContents.getURL(),
      fullScreen: window.isFullScreen(),
      display: screen.getDisplayMatching(window.getBounds()).id,
    })),
  );
}

const displayCount = () => app.evaluate(({ screen }) => screen.getAllDisplays().length);

test('with a second display, stage.audience opens the audience window full screen on it', async () => {
  test.skip((await displayCount()) < 2, 'this machine has one display: see the single-screen test');
  const staged = await stageTheDemo(presenter);
  if (!staged.ok) throw new Error(staged.why);
  expect(staged.info.audienceWindow).toBe('native');

  const opened = app.waitForEvent('window');
  const shown = await stageAudience(presenter, true);
  const audience = await opened;
  expect(audience.url()).toMatch(/^plenum:\/\/app\/index\.html\?view=audience$/);
  expect(shown).toMatchObject({ ok: true, value: { kind: 'present', placement: 'projector' } });

  await expect.poll(async () => (await windowsOnDisplays()).length).toBe(2);
  const [first, second] = await windowsOnDisplays();
  expect(second?.url).toContain('view=audience');
  expect(second?.display).not.toBe(first?.display);
  await expect.poll(async () => (await windowsOnDisplays())[1]?.fullScreen).toBe(true);

  const hidden = await stageAudience(presenter, false);
  expect(hidden).toMatchObject({ ok: true, value: { kind: 'absent' } });
  await expect.poll(async () => (await windowsOnDisplays()).length).toBe(1);
});

test('with one display, stage.audience opens no window: the presenter window keeps the stage', async () => {
  test.skip((await displayCount()) > 1, 'this machine has a second display: see the test above');
  const staged = await stageTheDemo(presenter);
  if (!staged.ok) throw new Error(staged.why);
  const shown = await stageAudience(presenter, true);
  expect(shown).toMatchObject({ ok: true, value: { kind: 'absent' } });
  await presenter.waitForTimeout(1000);
  expect(app.windows()).toHaveLength(1);
  await stageAudience(presenter, false);
});
