import { _electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { electronBinary, hasElectronBinary } from './electron-binary';

// Runs wherever Electron's binary exists (not in this workplace). Needs `npm run build` first, so that
// out/main/main.js and out/main/preload.js exist; out/renderer may be missing (the UI then answers 404, and
// these checks still hold).
test.skip(
  !hasElectronBinary(),
  'Electron binary not available on this machine (it cannot be downloaded here); main/ is covered by test/unit/main with the electron mock',
);

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  app = await _electron.launch({ executablePath: electronBinary() ?? undefined, args: ['out/main/main.js'] });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
});

test('the window shows plenum://app, never file://', async () => {
  expect(page.url()).toMatch(/^plenum:\/\/app\//);
});

test('the page has no Node and only window.plenum from the preload', async () => {
  const globals = await page.evaluate(() => {
    const w = globalThis as unknown as Record<string, unknown>;
    const plenum = w['plenum'] as Record<string, unknown> | undefined;
    return {
      require: typeof w['require'],
      process: typeof w['process'],
      ipcRenderer: typeof w['ipcRenderer'],
      plenumOn: typeof plenum?.['on'],
      libraryList: typeof (plenum?.['library'] as Record<string, unknown> | undefined)?.['list'],
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    plenumOn: 'function',
    libraryList: 'function',
  });
});

test('every window uses the in-memory session, not the default one', async () => {
  const sessions = await app.evaluate(({ BrowserWindow, session }) =>
    BrowserWindow.getAllWindows().map((window) => ({
      persistent: window.webContents.session.isPersistent(),
      isDefault: window.webContents.session === session.defaultSession,
    })),
  );
  expect(sessions.length).toBeGreaterThan(0);
  for (const entry of sessions) expect(entry).toEqual({ persistent: false, isDefault: false });
});

test('the preload runs sandboxed: the page cannot reach Node through it either', async () => {
  const keys = await page.evaluate(() =>
    Object.keys((globalThis as unknown as { plenum: object }).plenum).sort(),
  );
  expect(keys).not.toContain('ipcRenderer');
  expect(keys).toContain('on');
});

test('UI responses carry the CSP header', async () => {
  const csp = await page.evaluate(async () =>
    (await fetch('plenum://app/index.html')).headers.get('content-security-policy'),
  );
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
});

test('the network is unreachable', async () => {
  const outcome = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'fetched',
      () => 'refused',
    ),
  );
  expect(outcome).toBe('refused');
});

test('navigation away from the UI is prevented and window.open is denied', async () => {
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^plenum:\/\/app\//);
  const opened = await page.evaluate(() =>
    (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/'),
  );
  expect(opened).toBeNull();
  expect(app.windows()).toHaveLength(1);
});
