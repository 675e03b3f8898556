import { _electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import type { ApiResult } from '../../../src/common/ipc/api-error';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import type { DisplayCheck } from '../../../src/common/room/display-check';
import { electronBinary, hasElectronBinary } from './electron-binary';

// Runs wherever Electron's binary exists (not in this workplace), after `npm run build`. The room check on the
// machine's real displays: numbered as Electron reports them, and "identify" opening one badge per display
// that closes by itself. The rules are covered by test/unit/main/room-displays.test.ts with the electron mock.
test.skip(
  !hasElectronBinary(),
  'Electron binary not available on this machine (it cannot be downloaded here); the room check is covered by test/unit/main/room-displays.test.ts with the electron mock',
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

function roomCall(page: Page, method: 'displays' | 'identify'): Promise<ApiResult<DisplayCheck>> {
  return page.evaluate(
    (name) => (globalThis as unknown as { plenum: PlenumApi }).plenum.room[name]({}),
    method,
  );
}

test('the displays are numbered 1..n as Electron reports them, and one display is judged single', async () => {
  const result = await roomCall(presenter, 'displays');
  if (!result.ok) throw new Error(`room.displays: ${JSON.stringify(result.error)}`);
  const screens = await app.evaluate(({ screen }) => screen.getAllDisplays().length);
  expect(result.value.displays.map((display) => display.number)).toEqual(
    Array.from({ length: screens }, (_, index) => index + 1),
  );
  expect(result.value.displays.filter((display) => display.presenter)).toHaveLength(1);
  if (screens === 1) expect(result.value.verdict).toEqual({ kind: 'single' });
});

test('identify shows one badge per display, which close by themselves', async () => {
  const result = await roomCall(presenter, 'identify');
  if (!result.ok) throw new Error(`room.identify: ${JSON.stringify(result.error)}`);
  const badges = (): number => app.windows().filter((page) => page.url().includes('view=identify')).length;
  await expect.poll(badges).toBe(result.value.displays.length);
  await expect.poll(badges, { timeout: 15_000 }).toBe(0);
});
