import { EventEmitter } from 'node:events';

// The one `electron` stand-in for every main/ test (the Electron binary cannot be downloaded here). Wire it with
//   jest.mock('electron', () => jest.requireActual('../../support/electron-mock').electronMock);
// It records what main does (options, handlers, listeners) and lets a test play the renderer's part. It does
// not import electron's types: only main/ and its tests may depend on electron.

/** A fake WebFrameMain: a URL, a parent, and the frame-tree id Electron identifies frames by. */
export class FakeWebFrame {
  private static nextId = 1;
  readonly frameTreeNodeId = FakeWebFrame.nextId++;
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

/** What a fake event records: whether a guard called preventDefault. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A fake Event, optionally carrying Electron's event-parameter fields (url, ...). */
export function fakeEvent<T extends object>(fields: T = {} as T): FakeEvent & T {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** A fake WebContents with the listeners, window-open handler and sent messages recorded. */
export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  mainFrame: FakeWebFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  private destroyed = false;
  constructor(
    url = 'plenum://app/index.html',
    public readonly session: FakeSession | null = null,
  ) {
    super();
    this.mainFrame = new FakeWebFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  /** What printToPDF answers next (Electron: the page printed as PDF bytes), and every call's options. */
  nextPdf: Uint8Array | Error = new TextEncoder().encode('%PDF-1.4 fake\n');
  readonly printCalls: unknown[] = [];
  async printToPDF(options: unknown): Promise<Uint8Array> {
    this.printCalls.push(options);
    if (this.nextPdf instanceof Error) throw this.nextPdf;
    return this.nextPdf;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** A rectangle in screen coordinates, as Electron gives bounds. */
export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A fake BrowserWindow: records its constructor options, its bounds and the URL it loads. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((window) => !window.closed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[] = [];
  fullScreen = false;
  visible = false;
  /** Whether showing it took the keyboard (show) or not (showInactive). */
  hasFocus = false;
  minimized = false;
  focusCount = 0;
  closed = false;
  /** Where the window is; without x and y Electron centres it on the primary display (here: at its origin). */
  bounds: FakeRect;
  constructor(
    public readonly options: { webPreferences?: { session?: FakeSession } } & Record<string, unknown>,
  ) {
    super();
    const number = (key: string, fallback: number): number => {
      const value = options[key];
      return typeof value === 'number' ? value : fallback;
    };
    this.bounds = {
      x: number('x', 0),
      y: number('y', 0),
      width: number('width', 800),
      height: number('height', 600),
    };
    this.fullScreen = options['fullscreen'] === true;
    this.webContents = new FakeWebContents('about:blank', options.webPreferences?.session ?? null);
    FakeBrowserWindow.instances.push(this);
    electronMock.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.visible = true;
    this.hasFocus = true;
  }
  showInactive(): void {
    this.visible = true;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  getBounds(): FakeRect {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<FakeRect>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  isDestroyed(): boolean {
    return this.closed;
  }
  setFullScreen(value: boolean): void {
    this.fullScreen = value;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focusCount++;
  }
  /** Closes at once (Electron emits 'closed' a little later; main must not rely on either order). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('closed');
    this.webContents.destroy();
  }
}

/** A fake Display: the fields main reads. */
export interface FakeDisplay {
  id: number;
  label: string;
  bounds: FakeRect;
  workArea: FakeRect;
  internal: boolean;
  scaleFactor: number;
}

/** A display for tests: `workArea` is the bounds less a 40-pixel task bar. */
export function fakeDisplay(
  id: number,
  bounds: FakeRect,
  fields: Partial<Omit<FakeDisplay, 'id' | 'bounds'>> = {},
): FakeDisplay {
  return {
    id,
    label: `display ${id}`,
    bounds,
    workArea: { ...bounds, height: Math.max(0, bounds.height - 40) },
    internal: false,
    scaleFactor: 1,
    ...fields,
  };
}

function intersection(a: FakeRect, b: FakeRect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function distanceToCentre(display: FakeDisplay, point: { x: number; y: number }): number {
  const { x, y, width, height } = display.bounds;
  return Math.hypot(x + width / 2 - point.x, y + height / 2 - point.y);
}

type RequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

type DevicePermissionHandler = (details: Record<string, unknown>) => boolean;
type BluetoothPairingHandler = (
  details: Record<string, unknown>,
  callback: (response: { confirmed: boolean; pin?: string | null }) => void,
) => void;

/**
 * A fake Session: its scheme handlers, request filter, permission handlers and cache calls; an EventEmitter, so
 * a test can emit what Chromium would (will-download, select-serial-port, ...).
 */
export class FakeSession extends EventEmitter {
  readonly protocol = {
    handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response): void => {
      this.protocol.handlers.set(scheme, handler);
    },
  };
  readonly webRequest = {
    beforeRequest: null as RequestListener | null,
    onBeforeRequest: (filterOrListener: RequestListener | object, listener?: RequestListener): void => {
      this.webRequest.beforeRequest =
        typeof filterOrListener === 'function' ? (filterOrListener as RequestListener) : (listener ?? null);
    },
  };
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;
  bluetoothPairingHandler: BluetoothPairingHandler | null = null;
  cacheCleared = 0;
  constructor(
    public readonly partition: string,
    public readonly options: Record<string, unknown> | undefined,
  ) {
    super();
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }
  setBluetoothPairingHandler(handler: BluetoothPairingHandler | null): void {
    this.bluetoothPairingHandler = handler;
  }
  async clearCache(): Promise<void> {
    this.cacheCleared++;
  }
  /** Runs the request filter the way Chromium would, answering whether the request was cancelled. */
  requestIsCancelled(url: string): boolean {
    let cancelled: boolean | undefined;
    this.webRequest.beforeRequest?.({ url }, (response) => {
      cancelled = response.cancel === true;
    });
    if (cancelled === undefined) throw new Error('no request filter answered');
    return cancelled;
  }
}

/** A fake IPC event as main receives it. */
export interface FakeIpcEvent {
  sender: FakeWebContents;
  senderFrame: FakeWebFrame | null;
}

function createElectronMock() {
  let readyResolve: () => void = () => undefined;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    singleInstance: true,
    sandboxEnabled: false,
    quitCalls: 0,
    exitCodes: [] as number[],
    ready: new Promise<void>((resolve) => {
      readyResolve = resolve;
    }),
    whenReady(): Promise<void> {
      return app.ready;
    },
    /** Resolves whenReady(), as Electron does once it has started. */
    becomeReady(): void {
      readyResolve();
    },
    enableSandbox(): void {
      app.sandboxEnabled = true;
    },
    requestSingleInstanceLock(): boolean {
      return app.singleInstance;
    },
    quit(): void {
      app.quitCalls++;
    },
    exit(code: number): void {
      app.exitCodes.push(code);
    },
    getPath: (name: string): string => `/tmp/plenum-mock/${name}`,
    getVersion: (): string => '0.0.0-mock',
    getAppPath: (): string => '/tmp/plenum-mock/app',
  });

  const partitions = new Map<string, FakeSession>();
  const session = {
    defaultSession: new FakeSession('', undefined),
    fromPartition(partition: string, options?: Record<string, unknown>): FakeSession {
      let existing = partitions.get(partition);
      if (existing === undefined) {
        existing = new FakeSession(partition, options);
        partitions.set(partition, existing);
      }
      return existing;
    },
    partitions,
  };

  const protocol = {
    privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
      protocol.privileged.push(...schemes);
    },
  };

  const ipcMain = Object.assign(new EventEmitter(), {
    handlers: new Map<string, (event: FakeIpcEvent, ...args: unknown[]) => unknown>(),
    handle(channel: string, handler: (event: FakeIpcEvent, ...args: unknown[]) => unknown): void {
      if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcMain.handlers.set(channel, handler);
    },
    removeHandler(channel: string): void {
      ipcMain.handlers.delete(channel);
    },
    /** Plays ipcRenderer.invoke from a given sender. */
    async invoke(channel: string, event: FakeIpcEvent, ...args: unknown[]): Promise<unknown> {
      const handler = ipcMain.handlers.get(channel);
      if (handler === undefined) throw new Error(`no handler for ${channel}`);
      return handler(event, ...args);
    },
  });

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown): void {
      contextBridge.exposed.set(key, api);
    },
  };

  const ipcRenderer = Object.assign(new EventEmitter(), {
    invocations: [] as { channel: string; args: unknown[] }[],
    sentMessages: [] as { channel: string; args: unknown[] }[],
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      ipcRenderer.invocations.push({ channel, args });
      return { ok: true, value: null };
    },
    send(channel: string, ...args: unknown[]): void {
      ipcRenderer.sentMessages.push({ channel, args });
    },
  });

  const shell = {
    opened: [] as string[],
    async openExternal(url: string): Promise<void> {
      shell.opened.push(url);
    },
  };

  const dialog = {
    nextResult: { canceled: true, filePaths: [] as string[] },
    nextSave: { canceled: true, filePath: '' },
    calls: [] as unknown[][],
    async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
      dialog.calls.push(args);
      return dialog.nextResult;
    },
    async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
      dialog.calls.push(args);
      return dialog.nextSave;
    },
  };

  const powerSaveBlocker = {
    nextId: 1,
    active: new Map<number, string>(),
    start(type: string): number {
      const id = powerSaveBlocker.nextId++;
      powerSaveBlocker.active.set(id, type);
      return id;
    },
    stop(id: number): void {
      powerSaveBlocker.active.delete(id);
    },
    isStarted(id: number): boolean {
      return powerSaveBlocker.active.has(id);
    },
  };

  // One laptop panel by default; tests plug in projectors with addDisplay (which emits, as Electron does).
  const laptop = fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }, { internal: true });
  const screen = Object.assign(new EventEmitter(), {
    displays: [laptop] as FakeDisplay[],
    primaryId: laptop.id,
    getAllDisplays: (): FakeDisplay[] => [...screen.displays],
    getPrimaryDisplay(): FakeDisplay {
      const primary =
        screen.displays.find((display) => display.id === screen.primaryId) ?? screen.displays[0];
      if (primary === undefined) throw new Error('no display');
      return primary;
    },
    /** The display a rectangle overlaps most, else the one nearest to its centre (as Electron answers). */
    getDisplayMatching(rect: FakeRect): FakeDisplay {
      let best = screen.getPrimaryDisplay();
      let bestArea = 0;
      for (const display of screen.displays) {
        const area = intersection(display.bounds, rect);
        if (area > bestArea) [best, bestArea] = [display, area];
      }
      if (bestArea > 0) return best;
      return screen.getDisplayNearestPoint({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
    },
    getDisplayNearestPoint(point: { x: number; y: number }): FakeDisplay {
      const [first, ...rest] = screen.displays;
      if (first === undefined) throw new Error('no display');
      return rest.reduce(
        (nearest, display) =>
          distanceToCentre(display, point) < distanceToCentre(nearest, point) ? display : nearest,
        first,
      );
    },
    /** Sets the displays without events, as they are when the app starts. */
    setDisplays(displays: FakeDisplay[], primaryId = displays[0]?.id ?? 0): void {
      screen.displays = [...displays];
      screen.primaryId = primaryId;
    },
    /** Plugs a display in: Electron updates its list, then emits 'display-added'. */
    addDisplay(display: FakeDisplay): void {
      screen.displays = [...screen.displays, display];
      screen.emit('display-added', fakeEvent(), display);
    },
    /** Unplugs a display: Electron updates its list, then emits 'display-removed' with the old display. */
    removeDisplay(id: number): void {
      const old = screen.displays.find((display) => display.id === id);
      if (old === undefined) throw new Error(`no display ${id}`);
      screen.displays = screen.displays.filter((display) => display !== old);
      if (screen.primaryId === id) screen.primaryId = screen.displays[0]?.id ?? 0;
      screen.emit('display-removed', fakeEvent(), old);
    },
    /** Changes a display (resolution, arrangement, scale) and emits 'display-metrics-changed'. */
    changeDisplay(id: number, fields: Partial<Omit<FakeDisplay, 'id'>>): void {
      const old = screen.displays.find((display) => display.id === id);
      if (old === undefined) throw new Error(`no display ${id}`);
      const changed = { ...old, ...fields };
      screen.displays = screen.displays.map((display) => (display === old ? changed : display));
      const metrics = [
        ...(fields.bounds === undefined ? [] : ['bounds']),
        ...(fields.workArea === undefined ? [] : ['workArea']),
        ...(fields.scaleFactor === undefined ? [] : ['scaleFactor']),
      ];
      screen.emit('display-metrics-changed', fakeEvent(), changed, metrics);
    },
  });

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    session,
    protocol,
    ipcMain,
    contextBridge,
    ipcRenderer,
    shell,
    dialog,
    powerSaveBlocker,
    screen,
  };
}

/** The fake `electron` module. Replace its state between tests with resetElectronMock(). */
export const electronMock = createElectronMock();

/** Puts every fake back to its starting state (the module object itself stays the same). */
export function resetElectronMock(): void {
  const fresh = createElectronMock();
  for (const emitter of [
    electronMock.app,
    electronMock.ipcMain,
    electronMock.ipcRenderer,
    electronMock.screen,
  ]) {
    emitter.removeAllListeners();
  }
  FakeBrowserWindow.instances.length = 0;
  FakeBrowserWindow.focused = null;
  Object.assign(electronMock, fresh);
}
