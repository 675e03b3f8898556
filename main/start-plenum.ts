import { app, BrowserWindow, powerSaveBlocker, protocol, session } from 'electron';
import type { Session } from 'electron';
import type { PlenumState } from '../src/common/ipc/contract';
import type { DisplayCheck } from '../src/common/room/display-check';
import { createPendingBackend } from './backend/pending-backend';
import type { CreateBackend, PlenumBackend } from './backend/plenum-backend';
import { broadcastEvent } from './ipc/broadcast-event';
import { registerApi } from './ipc/register-api';
import type { Dispatch } from './ipc/register-api';
import { listenForTyping } from './ipc/typing-state';
import { attachClicker } from './lecture/attach-clicker';
import { createDisplayAwake } from './lecture/display-awake';
import type { DisplayAwake } from './lecture/display-awake';
import { createSessionWatch, keepsDisplayAwake } from './lecture/session-watch';
import type { SessionWatch } from './lecture/session-watch';
import { createElectronPlatform } from './platform/electron-platform';
import { createPlenumProtocolHandler } from './scheme/plenum-protocol-handler';
import {
  AUDIENCE_ENTRY_URL,
  identifyEntryUrl,
  PLENUM_SCHEME,
  PLENUM_SCHEME_PRIVILEGES,
  UI_ENTRY_URL,
  UI_PARTITION,
} from './scheme/plenum-scheme';
import { createUiHandler } from '../src/node/app/ui-handler';
import { guardSession } from './security/guard-session';
import { guardWebContents } from './security/guard-web-contents';
import { createAudienceWindow } from './windows/audience-window';
import type { AudienceWindow } from './windows/audience-window';
import { createRoomDisplays } from './windows/room-displays';
import type { RoomDisplaysControl } from './windows/room-displays';
import { createWindow } from './windows/create-window';
import type { CreateWindowOptions } from './windows/create-window';
import { createWindowRegistry } from './windows/window-registry';
import type { WindowRegistry } from './windows/window-registry';

/** Where main logs (developers only; nothing here is shown to the user). */
export type Log = (message: string, details?: unknown) => void;

/** What the composition root is given. */
export interface StartPlenumOptions {
  createBackend: CreateBackend;
  /** The built renderer folder (out/renderer), served on plenum://app/. */
  rendererRoot: string;
  /** The compiled, self-contained preload (out/main/preload.js). */
  preload: string;
  log?: Log;
}

/** The running shell, for tests and for a later menu. */
export interface PlenumShell {
  session: Session;
  backend: PlenumBackend;
  registry: WindowRegistry;
  /** The running session as the service last said (for the clicker and the display-sleep blocker). */
  sessionWatch: SessionWatch;
  awake: DisplayAwake;
  dispatch: Dispatch;
  /** The first window: the lecturer's. */
  presenter: BrowserWindow;
  /** The audience window on the projector (`stage.audience`). */
  audience: AudienceWindow;
  /** The room check's displays (`room.*`). */
  room: RoomDisplaysControl;
  openWindow(): BrowserWindow;
}

const consoleLog: Log = (message, details) => console.warn(`[plenum main] ${message}`, details ?? '');

/**
 * The composition root. Before ready: the scheme's privileges, the sandbox for every renderer, one
 * instance only (two would share one database), and the guards for every webContents. After ready: the
 * in-memory session with its cache off, the `plenum:` handler (UI and media), the IPC wrapper, events to
 * every window, the clicker, the display blocker, the first (presenter) window, and the audience window's
 * manager. Resolves to null when another instance already runs.
 */
export function startPlenum(options: StartPlenumOptions): Promise<PlenumShell | null> {
  const log = options.log ?? consoleLog;
  protocol.registerSchemesAsPrivileged([
    { scheme: PLENUM_SCHEME, privileges: { ...PLENUM_SCHEME_PRIVILEGES } },
  ]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve(null);
  }
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  return app.whenReady().then(() => assemble(options, log));
}

async function assemble(options: StartPlenumOptions, log: Log): Promise<PlenumShell> {
  const ses = session.fromPartition(UI_PARTITION, { cache: false });
  guardSession(ses);
  guardSession(session.defaultSession);
  await ses.clearCache();

  // The backend is built before any window exists, but `stage.audience` needs the manager made after it.
  let audience: AudienceWindow | null = null;
  const audienceControl = {
    show: () => audience?.show(),
    hide: () => audience?.hide(),
  };
  // The same for the room check: asked before the windows exist, it answers as if there were no display.
  let room: RoomDisplaysControl | null = null;
  const none = (): DisplayCheck => ({ displays: [], verdict: { kind: 'single' } });
  const roomControl = {
    check: () => room?.check() ?? none(),
    identify: () => room?.identify() ?? none(),
    audienceTo: (displayId: number) => room?.audienceTo(displayId) ?? none(),
  };

  let backend: PlenumBackend;
  try {
    backend = await options.createBackend({
      platform: createElectronPlatform(audienceControl, roomControl),
      userDataPath: app.getPath('userData'),
      version: app.getVersion(),
      canPickFiles: true,
    });
  } catch (error) {
    // The window still opens and every call answers `internal`, which the renderer words; the cause is logged.
    log('backend failed to start', error);
    backend = createPendingBackend();
  }

  ses.protocol.handle(
    PLENUM_SCHEME,
    createPlenumProtocolHandler({
      ui: createUiHandler(options.rendererRoot),
      media: (request) => backend.mediaHandler(request),
    }),
  );

  const registry = createWindowRegistry();
  const awake = createDisplayAwake(powerSaveBlocker);
  const sessionWatch = createSessionWatch((lecture) =>
    awake.set(lecture !== null && keepsDisplayAwake(lecture.phase)),
  );
  const dispatch: Dispatch = (channel, args) => backend.dispatch(channel, args);
  registerApi({ registry, dispatch, log });
  const typing = listenForTyping(registry, log);
  backend.onEvent((name, payload) => {
    if (name === 'state') sessionWatch.observe(payload as PlenumState);
    if (!broadcastEvent(registry, name, payload)) log('event outside the contract dropped', { name });
  });

  // Every window, the audience one included, gets the same hardened preferences and the clicker keys.
  const openWindow = (
    place: Pick<CreateWindowOptions, 'url' | 'bounds' | 'fullScreen' | 'takeFocus'> = { url: UI_ENTRY_URL },
  ) => {
    const window = createWindow({
      ...place,
      session: ses,
      preload: options.preload,
      registry,
      devTools: !app.isPackaged,
      log,
    });
    attachClicker(window, { session: sessionWatch, typing, dispatch, log });
    return window;
  };
  const presenter = openWindow();
  const audienceWindow = createAudienceWindow({
    open: (bounds) => openWindow({ url: AUDIENCE_ENTRY_URL, bounds, fullScreen: true, takeFocus: false }),
    presenter,
    report: (presence) => backend.setAudience(presence),
    log,
  });
  audience = audienceWindow;
  const roomDisplays = createRoomDisplays({
    presenter,
    audience: audienceWindow,
    // A badge is our page with the one hardened set of preferences; it never takes the keyboard (no clicker).
    openBadge: (bounds, displayNumber) =>
      createWindow({
        url: identifyEntryUrl(displayNumber),
        bounds,
        badge: true,
        takeFocus: false,
        session: ses,
        preload: options.preload,
        registry,
        devTools: !app.isPackaged,
        log,
      }),
    log,
  });
  room = roomDisplays;
  // Otherwise a badge still up would keep the app from quitting for a few seconds.
  presenter.once('closed', () => roomDisplays.dispose());

  app.on('second-instance', () => {
    // The presenter's window, not whichever Electron lists first (that could be the audience window).
    const first = presenter.isDestroyed() ? BrowserWindow.getAllWindows()[0] : presenter;
    if (first === undefined) return;
    if (first.isMinimized()) first.restore();
    first.focus();
  });
  app.on('will-quit', () => {
    awake.set(false);
    Promise.resolve(backend.close?.()).catch((error: unknown) => log('backend failed to close', error));
  });

  return {
    session: ses,
    backend,
    registry,
    sessionWatch,
    awake,
    dispatch,
    presenter,
    audience: audienceWindow,
    room: roomDisplays,
    openWindow: () => openWindow(),
  };
}
