import type { BackendContext, PlenumBackend } from '../../../main/backend/plenum-backend';
import { startPlenum } from '../../../main/start-plenum';
import type { PlenumShell } from '../../../main/start-plenum';
import { BADGE_SIZE, IDENTIFY_MS } from '../../../main/windows/room-displays';
import { electronMock, fakeDisplay, FakeBrowserWindow, resetElectronMock } from '../../support/electron-mock';
import type { FakeDisplay } from '../../support/electron-mock';

jest.mock('electron', () => jest.requireActual('../../support/electron-mock').electronMock);

const laptop = fakeDisplay(
  1,
  { x: 0, y: 0, width: 1920, height: 1080 },
  { internal: true, label: 'Built-in' },
);
const projector = fakeDisplay(2, { x: 1920, y: 0, width: 1280, height: 720 }, { label: 'EPSON' });
const bigScreen = fakeDisplay(3, { x: -2560, y: 0, width: 2560, height: 1440 });

/** Starts the shell on these displays; answers the platform the backend was given (room.* goes there). */
async function start(displays: FakeDisplay[]): Promise<{ shell: PlenumShell; context: BackendContext }> {
  electronMock.screen.setDisplays(displays, laptop.id);
  let context: BackendContext | null = null;
  const backend: PlenumBackend = {
    dispatch: async () => ({ ok: true, value: null }),
    onEvent: () => () => undefined,
    mediaHandler: async () => new Response(null, { status: 404 }),
    setAudience: () => undefined,
  };
  const started = startPlenum({
    createBackend: (given) => {
      context = given;
      return backend;
    },
    rendererRoot: '/nowhere',
    preload: '/app/out/main/preload.js',
    log: jest.fn(),
  });
  electronMock.app.becomeReady();
  const shell = await started;
  if (shell === null || context === null) throw new Error('expected the shell to start');
  return { shell, context };
}

const badges = (): FakeBrowserWindow[] =>
  FakeBrowserWindow.getAllWindows().filter((window) =>
    window.loadedUrls.some((url) => url.includes('view=identify')),
  );

beforeEach(() => resetElectronMock());
afterEach(() => jest.useRealTimers());

describe('the check main answers', () => {
  test('laptop and projector: extended, numbered by place, with what Electron says of each', async () => {
    const { context } = await start([projector, laptop]);
    const check = context.platform.room.check();
    expect(check.verdict).toEqual({ kind: 'extended', audience: 2 });
    expect(
      check.displays.map((shown) => [shown.number, shown.label, shown.presenter, shown.internal]),
    ).toEqual([
      [1, 'Built-in', true, true],
      [2, 'EPSON', false, false],
    ]);
  });

  test('a projector reported at the laptop’s own place: mirrored', async () => {
    const { context } = await start([laptop, fakeDisplay(7, { ...laptop.bounds })]);
    expect(context.platform.room.check().verdict).toEqual({ kind: 'mirrored' });
  });

  test('the laptop alone: single', async () => {
    const { context } = await start([laptop]);
    expect(context.platform.room.check().verdict).toEqual({ kind: 'single' });
  });
});

describe('identify', () => {
  test('one frameless badge per display, centred on it, with its number, closed again after a few seconds', async () => {
    const { shell, context } = await start([laptop, projector]);
    jest.useFakeTimers();
    context.platform.room.identify();
    const shown = badges();
    expect(shown.map((badge) => badge.loadedUrls)).toEqual([
      ['plenum://app/index.html?view=identify&display=1'],
      ['plenum://app/index.html?view=identify&display=2'],
    ]);
    expect(shown.map((badge) => badge.getBounds())).toEqual([
      { x: (1920 - BADGE_SIZE) / 2, y: (1080 - BADGE_SIZE) / 2, width: BADGE_SIZE, height: BADGE_SIZE },
      { x: 1920 + (1280 - BADGE_SIZE) / 2, y: (720 - BADGE_SIZE) / 2, width: BADGE_SIZE, height: BADGE_SIZE },
    ]);
    for (const badge of shown) {
      expect(badge.options).toMatchObject({
        frame: false,
        alwaysOnTop: true,
        focusable: false,
        skipTaskbar: true,
      });
      // The one hardened set of preferences, the same as the presenter's window.
      expect(badge.options.webPreferences).toEqual(
        (shell.presenter as unknown as FakeBrowserWindow).options.webPreferences,
      );
    }
    jest.advanceTimersByTime(IDENTIFY_MS - 1);
    expect(badges()).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(badges()).toEqual([]);
  });

  test('a second press starts over instead of stacking badges', async () => {
    const { context } = await start([laptop, projector]);
    jest.useFakeTimers();
    context.platform.room.identify();
    jest.advanceTimersByTime(IDENTIFY_MS / 2);
    context.platform.room.identify();
    expect(badges()).toHaveLength(2);
    jest.advanceTimersByTime(IDENTIFY_MS / 2);
    expect(badges()).toHaveLength(2);
    jest.advanceTimersByTime(IDENTIFY_MS / 2);
    expect(badges()).toEqual([]);
  });

  test('closing the presenter window closes the badges (else they would hold the app open)', async () => {
    const { shell, context } = await start([laptop, projector]);
    context.platform.room.identify();
    expect(badges()).toHaveLength(2);
    shell.presenter.close();
    expect(badges()).toEqual([]);
  });
});

describe('the audience window to a chosen display', () => {
  test('opens on the chosen display, and moves when another is chosen', async () => {
    const { shell, context } = await start([laptop, projector, bigScreen]);
    let check = context.platform.room.audienceTo(projector.id);
    expect(shell.audience.window()?.getBounds()).toEqual(projector.bounds);
    expect(check.displays.find((shown) => shown.audience)?.id).toBe(projector.id);
    expect(check.verdict).toEqual({ kind: 'extended', audience: 3 });
    check = context.platform.room.audienceTo(bigScreen.id);
    expect(shell.audience.window()?.getBounds()).toEqual(bigScreen.bounds);
    expect(check.verdict).toEqual({ kind: 'extended', audience: 1 });
    expect(shell.audience.wanted()).toBe(true);
  });

  test('the console’s own display is never taken: the window goes where placement puts it', async () => {
    const { shell, context } = await start([laptop, projector]);
    context.platform.room.audienceTo(laptop.id);
    expect(shell.audience.window()?.getBounds()).toEqual(projector.bounds);
  });
});
