import { screen } from 'electron';
import type { BrowserWindow, Display } from 'electron';
import type { AudiencePresence } from '../../src/common/ipc/contract';
import { planAudience } from '../../src/common/room/audience-placement';
import type {
  AudiencePlaced,
  DisplayInfo,
  ScreenLayout,
  ScreenRect,
} from '../../src/common/room/audience-placement';

/** What the audience window manager needs from the composition root. */
export interface AudienceWindowDeps {
  /** Opens the hardened audience window full screen on these bounds (createWindow, clicker attached). */
  open(bounds: ScreenRect): BrowserWindow;
  /** The presenter window: the audience window stays off its display and closes with it. */
  presenter: BrowserWindow;
  /** Tells the backend whether an audience window shows the stage (`PlenumService.setAudience`). */
  report(presence: AudiencePresence): void;
  log: (message: string, details?: unknown) => void;
}

/** The native audience window: shown on the projector while the presenter wants it and one is plugged in. */
export interface AudienceWindow {
  /** The presenter wants an audience window: opened now if a second display exists, else when one appears. */
  show(): void;
  /**
   * The presenter wants the audience window on that display (the room check): opened or moved there if it
   * qualifies, else placed as show() would. Only this once: later display changes follow the usual rule.
   */
  showOn(displayId: number): void;
  /** The display the audience window is on, or null while there is none. */
  displayId(): number | null;
  /** The presenter no longer wants one: closed, and not reopened by a display appearing. */
  hide(): void;
  /** Whether the presenter wants an audience window (kept while its display is unplugged). */
  wanted(): boolean;
  /** The audience window, or null while there is none. */
  window(): BrowserWindow | null;
  /** What was last reported to the backend. */
  presence(): AudiencePresence;
  /** Stops listening to the displays and closes the window (the presenter window closed). */
  dispose(): void;
}

const ABSENT: AudiencePresence = { kind: 'absent' };
const ON_PROJECTOR: AudiencePresence = { kind: 'present', placement: 'projector' };

function samePresence(a: AudiencePresence, b: AudiencePresence): boolean {
  switch (a.kind) {
    case 'absent':
      return b.kind === 'absent';
    case 'present':
      return b.kind === 'present' && a.placement === b.placement;
  }
}

/**
 * Keeps the audience window where it belongs as displays come and go. Without a second display there is no
 * audience window: the presenter window shows the stage itself (single-screen mode), and since main holds
 * the lecture state, switching between the two modes loses nothing. The presenter's wish survives an
 * unplugged projector (plugging it back reopens the window) but not the user closing the window.
 */
export function createAudienceWindow(deps: AudienceWindowDeps): AudienceWindow {
  let wanted = false;
  let disposed = false;
  let current: { window: BrowserWindow; placed: AudiencePlaced } | null = null;
  let reported: AudiencePresence = ABSENT;

  const report = (presence: AudiencePresence): void => {
    if (samePresence(presence, reported)) return;
    reported = presence;
    deps.report(presence);
  };

  const layout = (goneId: number | null): ScreenLayout => ({
    // A removed display is left out even if the list has not caught up with the event yet.
    displays: screen.getAllDisplays().filter((display) => display.id !== goneId),
    primaryId: screen.getPrimaryDisplay().id,
    presenterId: screen.getDisplayMatching(deps.presenter.getBounds()).id,
  });

  const open = (display: DisplayInfo): void => {
    const window = deps.open(display.bounds);
    const entry = { window, placed: { displayId: display.id, bounds: { ...display.bounds } } };
    current = entry;
    window.once('closed', () => {
      // Main forgets a window before closing it, so only a close by the user (or a crash) gets past this.
      if (current !== entry) return;
      current = null;
      wanted = false;
      report(ABSENT);
    });
    // A crashed audience page would leave a dead window on the projector while the presenter shows a still:
    // main closes it (the presenter takes the stage at once) and opens a fresh one where it belongs.
    window.webContents.once('render-process-gone', () => {
      if (current !== entry) return;
      current = null;
      report(ABSENT);
      if (!window.isDestroyed()) window.close();
      reconcile();
    });
    report(ON_PROJECTOR);
  };

  const close = (): void => {
    const entry = current;
    if (entry === null) return;
    current = null;
    if (!entry.window.isDestroyed()) entry.window.close();
  };

  const reconcile = (goneId: number | null = null, preferredId: number | null = null): void => {
    if (disposed) return;
    try {
      const action = planAudience({
        wanted,
        placed: current?.placed ?? null,
        layout: layout(goneId),
        preferredId,
      });
      switch (action.kind) {
        case 'keep':
          return;
        case 'open':
          open(action.display);
          return;
        case 'move':
          close();
          open(action.display);
          return;
        case 'close':
          close();
          report(ABSENT);
          return;
      }
    } catch (error) {
      // A display event must never take main down; the presenter window still shows the stage.
      deps.log('audience window placement failed', error);
      close();
      report(ABSENT);
    }
  };

  const onAdded = (): void => reconcile();
  const onRemoved = (_event: unknown, old: Display): void => reconcile(old.id);
  const onChanged = (): void => reconcile();
  screen.on('display-added', onAdded);
  screen.on('display-removed', onRemoved);
  screen.on('display-metrics-changed', onChanged);

  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    wanted = false;
    screen.removeListener('display-added', onAdded);
    screen.removeListener('display-removed', onRemoved);
    screen.removeListener('display-metrics-changed', onChanged);
    close();
    report(ABSENT);
  };
  // Otherwise the audience window would keep the app from quitting when the presenter window closes.
  deps.presenter.once('closed', dispose);

  return {
    show() {
      wanted = !disposed;
      reconcile();
    },
    showOn(displayId) {
      wanted = !disposed;
      reconcile(null, displayId);
    },
    displayId: () => current?.placed.displayId ?? null,
    hide() {
      wanted = false;
      reconcile();
    },
    wanted: () => wanted,
    window: () => current?.window ?? null,
    presence: () => reported,
    dispose,
  };
}
