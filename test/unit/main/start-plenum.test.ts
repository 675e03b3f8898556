import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiResult } from '../../../src/common/ipc/api-error';
import { API_CHANNELS, type PlenumState } from '../../../src/common/ipc/contract';
import { DEFAULT_SETTINGS } from '../../../src/common/ipc/api-types';
import { ROOM_CHECK_IDLE } from '../../../src/common/room/room-check';
import { initialLectureState, type LectureState } from '../../../src/common/lecture/lecture-state';
import type { PlenumBackend } from '../../../main/backend/plenum-backend';
import { UI_CONTENT_SECURITY_POLICY } from '../../../src/node/app/content-security-policy';
import { startPlenum } from '../../../main/start-plenum';
import type { PlenumShell } from '../../../main/start-plenum';
import {
  electronMock,
  fakeEvent,
  FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrame,
  resetElectronMock,
} from '../../support/electron-mock';
import { useTempDir } from '../../support/temp-dir';

jest.mock('electron', () => jest.requireActual('../../support/electron-mock').electronMock);

const HANDLE = 'a'.repeat(32);
const tempDir = useTempDir('plenum-main-');

function lecture(kind: 'ready' | 'playing' | 'finished', blanked = false): LectureState {
  const phase = kind === 'playing' ? { kind, chapter: 0 } : { kind };
  const blank = blanked ? { screen: 'black' as const, resume: false } : null;
  return { ...initialLectureState(), phase, blank, revision: 1 };
}

interface FakeBackend extends PlenumBackend {
  calls: { channel: string; args: unknown }[];
  emit(name: string, payload: unknown): void;
  media: Request[];
}

function fakeBackend(
  answer: (channel: string, args: unknown) => ApiResult<unknown> = () => ({ ok: true, value: null }),
) {
  const listeners: ((name: string, payload: unknown) => void)[] = [];
  const backend: FakeBackend = {
    calls: [],
    media: [],
    async dispatch(channel, args) {
      backend.calls.push({ channel, args });
      return answer(channel, args);
    },
    onEvent(listener) {
      listeners.push(listener);
      return () => undefined;
    },
    async mediaHandler(request) {
      backend.media.push(request);
      return new Response('media', { status: 200 });
    },
    setAudience: () => undefined,
    emit: (name, payload) => listeners.forEach((listener) => listener(name, payload)),
  };
  return backend;
}

async function start(backend: PlenumBackend = fakeBackend(), log = jest.fn()): Promise<PlenumShell> {
  const root = join(tempDir(), 'renderer');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Plenum</title>');
  const started = startPlenum({
    createBackend: () => backend,
    rendererRoot: root,
    preload: '/app/out/main/preload.js',
    log,
  });
  electronMock.app.becomeReady();
  const shell = await started;
  if (shell === null) throw new Error('expected the shell to start');
  return shell;
}

function firstWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.instances[0];
  if (window === undefined) throw new Error('no window');
  return window;
}

function ourEvent(window = firstWindow()) {
  return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
}

beforeEach(() => resetElectronMock());

describe('before ready', () => {
  test('registers the plenum scheme with exactly standard, secure, supportFetchAPI and stream', () => {
    void startPlenum({ createBackend: () => fakeBackend(), rendererRoot: tempDir(), preload: 'p.js' });
    expect(electronMock.protocol.privileged).toEqual([
      { scheme: 'plenum', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(electronMock.app.sandboxEnabled).toBe(true);
    // Nothing after ready has run yet.
    expect(electronMock.session.partitions.size).toBe(0);
  });

  test('a second instance quits instead of opening the same database twice', async () => {
    electronMock.app.singleInstance = false;
    await expect(
      startPlenum({ createBackend: () => fakeBackend(), rendererRoot: '', preload: '' }),
    ).resolves.toBe(null);
    expect(electronMock.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('session and scheme', () => {
  test('the UI session is in memory, with its HTTP cache off and cleared', async () => {
    await start();
    expect([...electronMock.session.partitions.keys()]).toEqual(['plenum-ui']);
    const ses = electronMock.session.fromPartition('plenum-ui');
    expect(ses.partition.startsWith('persist:')).toBe(false);
    expect(ses.options).toEqual({ cache: false });
    expect(ses.cacheCleared).toBe(1);
    expect(firstWindow().options.webPreferences?.session).toBe(ses);
  });

  test('plenum: is handled on the UI session: the UI with its CSP, media through the backend', async () => {
    const backend = fakeBackend();
    await start(backend);
    const handler = electronMock.session.fromPartition('plenum-ui').protocol.handlers.get('plenum');
    if (handler === undefined) throw new Error('no plenum handler');
    const page = await handler(new Request('plenum://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(UI_CONTENT_SECURITY_POLICY);
    const media = await handler(new Request(`plenum://app/media/${HANDLE}/film.m3u8`));
    expect(await media.text()).toBe('media');
    expect(backend.media.map((request) => request.url)).toEqual([`plenum://app/media/${HANDLE}/film.m3u8`]);
    expect(electronMock.session.defaultSession.protocol.handlers.size).toBe(0);
  });

  test.each(['default', 'plenum-ui'])('every permission is denied on the %s session', async (which) => {
    await start();
    const ses =
      which === 'default'
        ? electronMock.session.defaultSession
        : electronMock.session.fromPartition('plenum-ui');
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'fullscreen',
      'openExternal',
      'unknown',
    ]) {
      const callback = jest.fn();
      ses.permissionRequestHandler?.(firstWindow().webContents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler?.(firstWindow().webContents, permission, 'plenum://app')).toBe(false);
    }
  });

  test('requests that would leave the machine are cancelled; plenum:, data: and blob: are allowed', async () => {
    await start();
    const ses = electronMock.session.fromPartition('plenum-ui');
    for (const url of [
      'http://example.com/',
      'https://example.com/a.js',
      'ws://localhost:1/',
      'wss://example.com/',
      'ftp://example.com/f',
      'file:///etc/passwd',
    ]) {
      expect(ses.requestIsCancelled(url)).toBe(true);
    }
    for (const url of [
      'plenum://app/index.html',
      `plenum://app/media/${HANDLE}/seg-1.m4s`,
      'data:,x',
      'blob:plenum://app/1',
    ]) {
      expect(ses.requestIsCancelled(url)).toBe(false);
    }
    expect(electronMock.session.defaultSession.requestIsCancelled('https://example.com/')).toBe(true);
  });
});

describe('windows', () => {
  test('every window is sandboxed, isolated, without Node, with web security, and loads plenum://app', async () => {
    await start();
    const window = firstWindow();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: true,
      preload: '/app/out/main/preload.js',
    });
    expect(window.loadedUrls).toEqual(['plenum://app/index.html']);
    // The presenter's window opens where the system puts it, windowed; only the audience window is placed.
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
    expect(window.options).not.toHaveProperty('x');
    expect(window.options).not.toHaveProperty('fullscreen');
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  test('a packaged app has no developer tools', async () => {
    electronMock.app.isPackaged = true;
    await start();
    expect(firstWindow().options.webPreferences).toMatchObject({ devTools: false });
  });

  test('webContents main did not create get the navigation and window-open guards too', async () => {
    await start();
    const stranger = new FakeWebContents('plenum://app/index.html');
    electronMock.app.emit('web-contents-created', fakeEvent(), stranger);
    const navigation = fakeEvent({ url: 'https://example.com/' });
    stranger.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(stranger.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  test('all windows closed quits; a second launch focuses the first window', async () => {
    await start();
    electronMock.app.emit('second-instance');
    expect(firstWindow().focusCount).toBe(1);
    electronMock.app.emit('window-all-closed');
    expect(electronMock.app.quitCalls).toBe(1);
  });
});

describe('IPC', () => {
  test('one handler per contract channel, answering through the backend', async () => {
    const backend = fakeBackend(() => ({ ok: true, value: 'v' }));
    await start(backend);
    expect([...electronMock.ipcMain.handlers.keys()]).toEqual(API_CHANNELS);
    await expect(electronMock.ipcMain.invoke('library.list', ourEvent(), {}, 'extra')).resolves.toEqual({
      ok: true,
      value: 'v',
    });
    expect(backend.calls).toEqual([{ channel: 'library.list', args: {} }]);
  });

  test('a window main did not create is refused', async () => {
    const backend = fakeBackend();
    await start(backend);
    const stranger = new FakeWebContents('plenum://app/index.html');
    await expect(
      electronMock.ipcMain.invoke('library.list', { sender: stranger, senderFrame: stranger.mainFrame }, {}),
    ).resolves.toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(backend.calls).toEqual([]);
  });

  test('events reach every window; events outside the contract reach none', async () => {
    const backend = fakeBackend();
    const shell = await start(backend);
    shell.openWindow();
    backend.emit('library.changed', { entries: [] });
    backend.emit('secret.leak', { key: 'no' });
    for (const window of FakeBrowserWindow.instances) {
      expect(window.webContents.sent).toEqual([{ channel: 'library.changed', args: [{ entries: [] }] }]);
    }
  });
});

describe('lecture', () => {
  /** A `state` snapshot as the service broadcasts it, with a running session in `kind` (or none). */
  let revision = 0;
  const snapshot = (kind: 'ready' | 'playing' | 'finished' | null, blank = false): PlenumState => ({
    revision: ++revision,
    courses: [],
    session:
      kind === null
        ? null
        : {
            id: 1,
            kind: 'lecture',
            view: 'presenter',
            handle: HANDLE,
            courseId: 'c',
            startedAt: 0,
            clock: { accumulatedMs: 0, runningSince: 0 },
            lecture: lecture(kind, blank),
            position: 0,
            timings: [],
            board: {},
            continued: false,
          },
    audience: { kind: 'absent' },
    settings: DEFAULT_SETTINGS,
    closing: null,
    roomCheck: ROOM_CHECK_IDLE,
  });

  test('the display stays awake while a session runs, and sleeps again when it ends', async () => {
    const backend = fakeBackend();
    const shell = await start(backend);
    expect(shell.awake.isAwake()).toBe(false);
    backend.emit('state', snapshot('playing'));
    expect([...electronMock.powerSaveBlocker.active.values()]).toEqual(['prevent-display-sleep']);
    backend.emit('state', snapshot('finished'));
    expect(electronMock.powerSaveBlocker.active.size).toBe(0);
    backend.emit('state', snapshot('playing'));
    expect(electronMock.powerSaveBlocker.active.size).toBe(1);
    backend.emit('state', snapshot(null));
    expect(electronMock.powerSaveBlocker.active.size).toBe(0);
    // An older snapshot arriving late changes nothing.
    backend.emit('state', { ...snapshot('playing'), revision: 1 });
    expect(electronMock.powerSaveBlocker.active.size).toBe(0);
  });

  const press = (key: string) => {
    const event = fakeEvent();
    firstWindow().webContents.emit('before-input-event', event, {
      type: 'keyDown',
      key,
      isAutoRepeat: false,
      isComposing: false,
      control: false,
      alt: false,
      meta: false,
    });
    return event.defaultPrevented;
  };

  test('clicker keys become session commands only while a session runs, and are kept from the page', async () => {
    const backend = fakeBackend();
    await start(backend);
    expect(press('PageDown')).toBe(false);
    expect(backend.calls).toEqual([]);
    backend.emit('state', snapshot('playing'));
    expect(press('PageDown')).toBe(true);
    expect(backend.calls.at(-1)).toEqual({ channel: 'session.command', args: { command: { type: 'next' } } });
    // While a text field has focus (reported by the preload), typing keys stay with the page.
    electronMock.ipcMain.emit('plenum:typing', ourEvent(), true);
    expect(press(' ')).toBe(false);
    expect(press('PageUp')).toBe(true);
    expect(press('f')).toBe(false);
    electronMock.ipcMain.emit('plenum:typing', ourEvent(), false);
    expect(press('f')).toBe(true);
    expect(firstWindow().fullScreen).toBe(true);
    expect(press('Escape')).toBe(true);
    expect(firstWindow().fullScreen).toBe(false);
    expect(press('Escape')).toBe(false);
    // Subtitles and the keys list belong to the page.
    expect(press('s')).toBe(false);
  });

  test('Back pressed twice through the clicker reaches the previous chapter (the service decides)', async () => {
    const backend = fakeBackend();
    await start(backend);
    backend.emit('state', snapshot('playing'));
    expect(press('PageUp')).toBe(true);
    expect(press('PageUp')).toBe(true);
    // Both presses are the same plain command: nothing in main guesses where the playhead is.
    expect(backend.calls.slice(-2)).toEqual([
      { channel: 'session.command', args: { command: { type: 'previous' } } },
      { channel: 'session.command', args: { command: { type: 'previous' } } },
    ]);
  });

  test('while blanked, the clicker only brings the picture back', async () => {
    const backend = fakeBackend();
    await start(backend);
    backend.emit('state', snapshot('playing', true));
    expect(press('PageDown')).toBe(true);
    expect(backend.calls.at(-1)).toEqual({
      channel: 'session.command',
      args: { command: { type: 'unblank' } },
    });
  });

  test('a typing report from a sub-frame is ignored', async () => {
    const backend = fakeBackend();
    const log = jest.fn();
    await start(backend, log);
    const window = firstWindow();
    electronMock.ipcMain.emit(
      'plenum:typing',
      {
        sender: window.webContents,
        senderFrame: new FakeWebFrame('plenum://app/index.html', window.webContents.mainFrame),
      },
      true,
    );
    expect(log).toHaveBeenCalledWith('ipc refused', { channel: 'plenum:typing', refusal: 'sub-frame' });
  });
});

test('a backend that fails to start still leaves a window whose calls answer internal', async () => {
  const log = jest.fn();
  const root = tempDir();
  const started = startPlenum({
    createBackend: () => {
      throw new Error('store corrupt');
    },
    rendererRoot: root,
    preload: 'p.js',
    log,
  });
  electronMock.app.becomeReady();
  await started;
  expect(log).toHaveBeenCalledWith('backend failed to start', expect.any(Error));
  await expect(electronMock.ipcMain.invoke('app.info', ourEvent(), {})).resolves.toEqual({
    ok: false,
    error: { code: 'internal' },
  });
});
