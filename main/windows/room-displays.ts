import { screen } from 'electron';
import type { BrowserWindow } from 'electron';
import { checkDisplays, type DisplayCheck } from '../../src/common/room/display-check';
import type { ScreenRect } from '../../src/common/room/audience-placement';
import type { AudienceWindow } from './audience-window';

/** How long "identify" shows each display's number: long enough to walk to the projector and look. */
export const IDENTIFY_MS = 5000;
/** The badge's side (device-independent pixels): a number readable across the room, never a whole screen. */
export const BADGE_SIZE = 320;

/** What the room check needs from the composition root. */
export interface RoomDisplaysDeps {
  presenter: BrowserWindow;
  audience: AudienceWindow;
  /** Opens a number badge on these bounds (createWindow with `badge`), showing that display number. */
  openBadge(bounds: ScreenRect, displayNumber: number): BrowserWindow;
  log: (message: string, details?: unknown) => void;
}

/** The room check's displays in main: the check, "identify", and the audience window moved on request. */
export interface RoomDisplaysControl {
  check(): DisplayCheck;
  identify(): DisplayCheck;
  audienceTo(displayId: number): DisplayCheck;
  /** Closes any badges still up (the presenter window closed). */
  dispose(): void;
}

/** A square of `size` centred in `bounds` (smaller displays get a smaller square). */
function centred(bounds: ScreenRect, size: number): ScreenRect {
  const side = Math.max(1, Math.min(size, bounds.width, bounds.height));
  return {
    x: Math.round(bounds.x + (bounds.width - side) / 2),
    y: Math.round(bounds.y + (bounds.height - side) / 2),
    width: side,
    height: side,
  };
}

/**
 * Electron's `screen` read for the room check (the judging is src/common's checkDisplays), "identify" as one
 * badge per display for IDENTIFY_MS (a second press starts over, never stacks badges), and the audience window
 * sent to a chosen display through its manager, so placement keeps one home.
 */
export function createRoomDisplays(deps: RoomDisplaysDeps): RoomDisplaysControl {
  let badges: BrowserWindow[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const check = (): DisplayCheck =>
    checkDisplays({
      displays: screen.getAllDisplays().map((display) => ({
        id: display.id,
        bounds: { ...display.bounds },
        workArea: { ...display.workArea },
        internal: display.internal,
        label: display.label,
        scaleFactor: display.scaleFactor,
      })),
      primaryId: screen.getPrimaryDisplay().id,
      presenterId: deps.presenter.isDestroyed()
        ? null
        : screen.getDisplayMatching(deps.presenter.getBounds()).id,
      audienceId: deps.audience.displayId(),
    });

  const closeBadges = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    for (const badge of badges) if (!badge.isDestroyed()) badge.close();
    badges = [];
  };

  return {
    check,
    identify() {
      closeBadges();
      const result = check();
      for (const display of result.displays) {
        try {
          badges.push(deps.openBadge(centred(display.bounds, BADGE_SIZE), display.number));
        } catch (error) {
          // One display refusing a window leaves the numbers on the others; the check still answers.
          deps.log('display badge failed to open', error);
        }
      }
      timer = setTimeout(closeBadges, IDENTIFY_MS);
      return result;
    },
    audienceTo(displayId) {
      deps.audience.showOn(displayId);
      return check();
    },
    dispose: closeBadges,
  };
}
