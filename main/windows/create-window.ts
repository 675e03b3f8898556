import { BrowserWindow } from 'electron';
import type { Rectangle, Session } from 'electron';
import { guardWebContents } from '../security/guard-web-contents';
import type { WindowRegistry } from './window-registry';

/** What every window needs: the in-memory session, the compiled preload, and where it starts. */
export interface CreateWindowOptions {
  session: Session;
  preload: string;
  url: string;
  registry: WindowRegistry;
  /** Developer tools only in unpackaged builds (`!app.isPackaged`). */
  devTools: boolean;
  log: (message: string, details?: unknown) => void;
  /** Where the window opens (the audience window: its display's bounds); else a default size, centred. */
  bounds?: Rectangle;
  /** Opens full screen on the display under `bounds` (the audience window on the projector). */
  fullScreen?: boolean;
  /**
   * False for the audience window: it appears without taking the keyboard from the presenter's window, where
   * the lecturer may be typing a note (the clicker's keys reach main from whichever window has focus).
   */
  takeFocus?: boolean;
  /**
   * A badge: a small frameless window above the others that never takes the keyboard or a task-bar button
   * (the room check's display number). Its web preferences are every window's.
   */
  badge?: boolean;
}

/** What makes a window a badge: no frame, above everything, no focus, no task-bar button, fixed in place. */
const BADGE_CHROME = {
  frame: false,
  alwaysOnTop: true,
  focusable: false,
  skipTaskbar: true,
  resizable: false,
  movable: false,
  minimizable: false,
  maximizable: false,
  fullscreenable: false,
} as const;

/**
 * The one window factory. Every window is sandboxed, context-isolated, without Node, on the in-memory UI
 * session, guarded against navigation and window.open, and registered so its IPC is answered. Only its
 * place and size vary (the audience window); its web preferences never do.
 */
export function createWindow(options: CreateWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 1280,
    height: 800,
    ...options.bounds,
    ...(options.fullScreen === true ? { fullscreen: true } : {}),
    ...(options.badge === true ? BADGE_CHROME : {}),
    backgroundColor: '#000000',
    webPreferences: {
      session: options.session,
      preload: options.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: options.devTools,
      // Chromium would fetch spell-check dictionaries from the network; the app is offline by design.
      spellcheck: false,
      // Clicker keys are handled in main and kept from the page, so play() runs without a page gesture.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  guardWebContents(window.webContents);
  options.registry.add(window.webContents);
  window.once('ready-to-show', () => (options.takeFocus === false ? window.showInactive() : window.show()));
  window.loadURL(options.url).catch((error: unknown) => options.log('window failed to load', error));
  return window;
}
