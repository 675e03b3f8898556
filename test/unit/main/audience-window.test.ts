import type { AudiencePresence } from '../../../src/common/ipc/contract';
import type { BackendContext, PlenumBackend } from '../../../main/backend/plenum-backend';
import { startPlenum } from '../../../main/start-plenum';
import type { PlenumShell } from '../../../main/start-plenum';
import { createAudienceWindow } from '../../../main/windows/audience-window';
import {
  electronMock,
  fakeDisplay,
  fakeEvent,
  FakeBrowserWindow,
  resetElectronMock,
} from '../../support/electron-mock';
import type { FakeDisplay } from '../../support/electron-mock';

jest.mock('electron', () => jest.requireActual('../../support/electron-mock').electronMock);

const AUDIENCE_URL = 'plenum://app/index.html?view=audience';
const PROJECTOR: AudiencePresence = { kind: 'present', placement: 'projector' };
const ABSENT: AudiencePresence = { kind: 'absent' };

const laptop = fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }, { internal: true });
const projector = fakeDisplay(2, { x: 1920, y: 0, width: 1280, height: 720 });
const bigScreen = fakeDisplay(3, { x: -2560, y: 0, width: 2560, height: 1440 });

interface Started {
  shell: PlenumShell;
  presences: AudiencePresence[];
  log: jest.Mock;
  /** Plays the renderer's `stage.audience` call from the presenter window, through IPC. */
  stageAudience(show: boolean): Promise<unknown>;
}

/** Starts the shell on these displays with a backend that does what the service does for `stage.audience`. */
async function start(displays: FakeDisplay[]): Promise<Started> {
  electronMock.screen.setDisplays(displays, laptop.id);
  const presences: AudiencePresence[] = [];
  const log = jest.fn();
  let context: BackendContext | null = null;
  const backend: PlenumBackend = {
    async dispatch(channel, args) {
      if (channel === 'stage.audience' && context !== null) {
        const { show } = args as { show: boolean };
        if (show) context.platform.audienceWindow.show();
        else context.platform.audienceWindow.hide();
      }
      return { ok: true, value: null };
    },
    onEvent: () => () => undefined,
    mediaHandler: async () => new Response(null, { status: 404 }),
    setAudience: (presence) => presences.push(presence),
  };
  const started = startPlenum({
    createBackend: (given) => {
      context = given;
      return backend;
    },
    rendererRoot: '/nowhere',
    preload: '/app/out/main/preload.js',
    log,
  });
  electronMock.app.becomeReady();
  const shell = await started;
  if (shell === null) throw new Error('expected the shell to start');
  const presenter = fake(shell.presenter);
  const stageAudience = (show: boolean) =>
    electronMock.ipcMain.invoke(
      'stage.audience',
      { sender: presenter.webContents, senderFrame: presenter.webContents.mainFrame },
      { show },
    );
  return { shell, presences, log, stageAudience };
}

function fake(window: unknown): FakeBrowserWindow {
  if (!(window instanceof FakeBrowserWindow)) throw new Error('expected a fake window');
  return window;
}

/** Every audience window main opened, closed ones included. */
const audienceWindows = (): FakeBrowserWindow[] =>
  FakeBrowserWindow.instances.filter((window) => window.loadedUrls.includes(AUDIENCE_URL));

const openWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.getAllWindows();

function theAudienceWindow(shell: PlenumShell): FakeBrowserWindow {
  const window = shell.audience.window();
  if (window === null) throw new Error('no audience window');
  return fake(window);
}

beforeEach(() => resetElectronMock());

describe('one display', () => {
  test('no audience window and nothing reported: the presenter window shows the stage itself', async () => {
    const { shell, presences, stageAudience } = await start([laptop]);
    await stageAudience(true);
    expect(openWindows()).toEqual([shell.presenter]);
    expect(shell.audience.window()).toBeNull();
    expect(shell.audience.presence()).toEqual(ABSENT);
    expect(presences).toEqual([]);
    // The wish stands: plugging the projector in later opens the window there.
    expect(shell.audience.wanted()).toBe(true);
    electronMock.screen.addDisplay(projector);
    expect(theAudienceWindow(shell).getBounds()).toEqual(projector.bounds);
    expect(presences).toEqual([PROJECTOR]);
  });
});

describe('two displays', () => {
  test('the audience window opens full screen on the projector; the presenter stays on the laptop', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    const presenterBounds = fake(shell.presenter).getBounds();
    await stageAudience(true);
    const audience = theAudienceWindow(shell);
    expect(openWindows()).toEqual([shell.presenter, audience]);
    expect(audience.options).toMatchObject({ ...projector.bounds, fullscreen: true, show: false });
    expect(audience.isFullScreen()).toBe(true);
    expect(audience.getBounds()).toEqual(projector.bounds);
    expect(audience.loadedUrls).toEqual([AUDIENCE_URL]);
    expect(new URL(audience.loadedUrls[0] ?? '').searchParams.get('view')).toBe('audience');
    expect(fake(shell.presenter).getBounds()).toEqual(presenterBounds);
    expect(fake(shell.presenter).isFullScreen()).toBe(false);
    expect(presences).toEqual([PROJECTOR]);
    expect(shell.audience.presence()).toEqual(PROJECTOR);
  });

  test('the audience window has exactly the hardened preferences of every other window', async () => {
    const { shell, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    const audience = theAudienceWindow(shell);
    expect(audience.options.webPreferences).toEqual(fake(shell.presenter).options.webPreferences);
    expect(audience.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      session: electronMock.session.fromPartition('plenum-ui'),
    });
    // Guarded like every webContents, and shown once ready.
    expect(audience.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    audience.emit('ready-to-show');
    expect(audience.visible).toBe(true);
    // Shown without taking the keyboard from the presenter's window (a note may be half typed there).
    expect(audience.hasFocus).toBe(false);
  });

  test('a crashed audience page is closed and opened afresh, and the presenter holds the stage meanwhile', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    const crashed = theAudienceWindow(shell);
    crashed.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(crashed.isDestroyed()).toBe(true);
    const fresh = theAudienceWindow(shell);
    expect(fresh).not.toBe(crashed);
    expect(fresh.getBounds()).toEqual(projector.bounds);
    expect(presences).toEqual([PROJECTOR, ABSENT, PROJECTOR]);
  });

  test('the audience window is one of ours: its IPC is answered, events reach it, clicker keys act', async () => {
    const { shell, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    const audience = theAudienceWindow(shell);
    await expect(
      electronMock.ipcMain.invoke(
        'state.get',
        { sender: audience.webContents, senderFrame: audience.webContents.mainFrame },
        {},
      ),
    ).resolves.toEqual({ ok: true, value: null });
    expect(shell.registry.has(audience.webContents as never)).toBe(true);
    const press = fakeEvent();
    audience.webContents.emit('before-input-event', press, {
      type: 'keyDown',
      key: 'f',
      isAutoRepeat: false,
      isComposing: false,
      control: false,
      alt: false,
      meta: false,
    });
    expect(press.defaultPrevented).toBe(true);
    expect(audience.isFullScreen()).toBe(false);
  });

  test('asking twice opens one window and reports once', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    await stageAudience(true);
    expect(audienceWindows()).toHaveLength(1);
    expect(shell.audience.window()).toBe(audienceWindows()[0]);
    expect(presences).toEqual([PROJECTOR]);
  });

  test('the largest external display wins; a presenter on the projector sends the audience to the laptop', async () => {
    const { shell, stageAudience } = await start([laptop, projector, bigScreen]);
    await stageAudience(true);
    expect(theAudienceWindow(shell).getBounds()).toEqual(bigScreen.bounds);
    await stageAudience(false);
    fake(shell.presenter).setBounds({ x: 2000, y: 100, width: 1000, height: 500 });
    electronMock.screen.setDisplays([laptop, projector], laptop.id);
    await stageAudience(true);
    expect(theAudienceWindow(shell).getBounds()).toEqual(laptop.bounds);
  });
});

describe('displays plugged in and out mid-session', () => {
  test('the projector unplugged: the window closes, absent is reported, the wish is kept', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    const first = theAudienceWindow(shell);
    electronMock.screen.removeDisplay(projector.id);
    expect(first.closed).toBe(true);
    expect(shell.audience.window()).toBeNull();
    expect(openWindows()).toEqual([shell.presenter]);
    expect(presences).toEqual([PROJECTOR, ABSENT]);
    expect(shell.audience.wanted()).toBe(true);
    // Closing a window main closed is not mistaken for the user closing it.
    expect(electronMock.app.quitCalls).toBe(0);

    electronMock.screen.addDisplay(projector);
    const second = theAudienceWindow(shell);
    expect(second).not.toBe(first);
    expect(second.getBounds()).toEqual(projector.bounds);
    expect(second.isFullScreen()).toBe(true);
    expect(second.loadedUrls).toEqual([AUDIENCE_URL]);
    expect(presences).toEqual([PROJECTOR, ABSENT, PROJECTOR]);
  });

  test('the removal is heeded even when Electron still lists the display it reports removed', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    electronMock.screen.emit('display-removed', fakeEvent(), projector);
    expect(shell.audience.window()).toBeNull();
    expect(presences).toEqual([PROJECTOR, ABSENT]);
  });

  test('a display the window is not on comes or goes: the window stays where it is', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    const audience = theAudienceWindow(shell);
    electronMock.screen.addDisplay(bigScreen);
    electronMock.screen.removeDisplay(bigScreen.id);
    expect(shell.audience.window()).toBe(audience);
    expect(audience.closed).toBe(false);
    expect(presences).toEqual([PROJECTOR]);
  });

  test('the projector unplugged while another external display remains: the window moves there', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector, bigScreen]);
    await stageAudience(true);
    electronMock.screen.removeDisplay(bigScreen.id);
    expect(theAudienceWindow(shell).getBounds()).toEqual(projector.bounds);
    expect(audienceWindows().map((window) => window.closed)).toEqual([true, false]);
    expect(presences).toEqual([PROJECTOR]);
  });

  test('the projector changes resolution: the window is reopened to fit it', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    const bounds = { x: 1920, y: 0, width: 1920, height: 1080 };
    electronMock.screen.changeDisplay(projector.id, { bounds });
    expect(theAudienceWindow(shell).getBounds()).toEqual(bounds);
    expect(theAudienceWindow(shell).isFullScreen()).toBe(true);
    expect(audienceWindows()).toHaveLength(2);
    expect(presences).toEqual([PROJECTOR]);
  });

  test('only a work area or scale changed: the same window stays', async () => {
    const { shell, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    const audience = theAudienceWindow(shell);
    electronMock.screen.changeDisplay(projector.id, {
      workArea: { ...projector.bounds, height: 600 },
      scaleFactor: 2,
    });
    expect(shell.audience.window()).toBe(audience);
    expect(audienceWindows()).toHaveLength(1);
  });

  test('the displays are switched to mirroring: single-screen mode, the wish kept', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    electronMock.screen.changeDisplay(projector.id, { bounds: { ...laptop.bounds } });
    expect(shell.audience.window()).toBeNull();
    expect(presences).toEqual([PROJECTOR, ABSENT]);
    expect(shell.audience.wanted()).toBe(true);
    electronMock.screen.changeDisplay(projector.id, { bounds: projector.bounds });
    expect(theAudienceWindow(shell).getBounds()).toEqual(projector.bounds);
  });
});

describe('closing', () => {
  test('the user closes the audience window: absent, the wish forgotten, no display reopens it', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    theAudienceWindow(shell).close();
    expect(shell.audience.window()).toBeNull();
    expect(presences).toEqual([PROJECTOR, ABSENT]);
    expect(shell.audience.wanted()).toBe(false);
    electronMock.screen.addDisplay(bigScreen);
    electronMock.screen.changeDisplay(projector.id, { bounds: { ...projector.bounds, width: 1920 } });
    expect(audienceWindows()).toHaveLength(1);
    // Reopened from the presenter: stage.audience again.
    await stageAudience(true);
    expect(audienceWindows()).toHaveLength(2);
    expect(presences).toEqual([PROJECTOR, ABSENT, PROJECTOR]);
  });

  test('stage.audience {show: false}: closed, absent, and a display plugged in later does not reopen it', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    await stageAudience(false);
    expect(audienceWindows().map((window) => window.closed)).toEqual([true]);
    expect(presences).toEqual([PROJECTOR, ABSENT]);
    expect(shell.audience.wanted()).toBe(false);
    electronMock.screen.removeDisplay(projector.id);
    electronMock.screen.addDisplay(projector);
    expect(audienceWindows()).toHaveLength(1);
    expect(presences).toEqual([PROJECTOR, ABSENT]);
  });

  test('the presenter window closes: the audience window closes too, so the app can quit', async () => {
    const { shell, presences, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    const audience = theAudienceWindow(shell);
    fake(shell.presenter).close();
    expect(audience.closed).toBe(true);
    expect(openWindows()).toEqual([]);
    expect(presences).toEqual([PROJECTOR, ABSENT]);
    expect(electronMock.screen.listenerCount('display-added')).toBe(0);
    expect(electronMock.screen.listenerCount('display-removed')).toBe(0);
    expect(electronMock.screen.listenerCount('display-metrics-changed')).toBe(0);
    // Nothing opens it again, even if asked.
    shell.audience.show();
    electronMock.screen.addDisplay(bigScreen);
    expect(audienceWindows()).toHaveLength(1);
  });

  test('a second launch focuses the presenter window, not the audience window', async () => {
    const { shell, stageAudience } = await start([laptop, projector]);
    await stageAudience(true);
    electronMock.app.emit('second-instance');
    expect(fake(shell.presenter).focusCount).toBe(1);
    expect(theAudienceWindow(shell).focusCount).toBe(0);
  });
});

describe('the manager on its own', () => {
  test('a window that cannot be opened is logged, and the stage stays with the presenter', () => {
    electronMock.screen.setDisplays([laptop, projector], laptop.id);
    const presenter = new FakeBrowserWindow({});
    const report = jest.fn();
    const log = jest.fn();
    const audience = createAudienceWindow({
      open: () => {
        throw new Error('no GPU');
      },
      presenter: presenter as never,
      report,
      log,
    });
    expect(() => audience.show()).not.toThrow();
    expect(log).toHaveBeenCalledWith('audience window placement failed', expect.any(Error));
    expect(audience.window()).toBeNull();
    expect(report).not.toHaveBeenCalled();
    expect(audience.presence()).toEqual(ABSENT);
  });

  test('a display event before any wish opens nothing', () => {
    electronMock.screen.setDisplays([laptop], laptop.id);
    const open = jest.fn();
    const audience = createAudienceWindow({
      open,
      presenter: new FakeBrowserWindow({}) as never,
      report: jest.fn(),
      log: jest.fn(),
    });
    electronMock.screen.addDisplay(projector);
    expect(open).not.toHaveBeenCalled();
    expect(audience.wanted()).toBe(false);
  });
});
