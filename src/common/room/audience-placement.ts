// Pure: where the audience window belongs, from the displays Electron reports. No electron import, so the
// rules are tested without the mock; main/windows/audience-window.ts applies them, and the room check
// (display-check.ts) names the same display as the audience's.

/** A rectangle in screen coordinates (device-independent pixels), as Electron reports bounds. */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What placement needs to know of a display: a structural subset of Electron's `Display`. */
export interface DisplayInfo {
  id: number;
  bounds: ScreenRect;
  workArea: ScreenRect;
  /** A laptop's own panel (Electron's `Display.internal`); the projector is never one. */
  internal?: boolean;
}

/** The screen as placement sees it. */
export interface ScreenLayout {
  displays: readonly DisplayInfo[];
  primaryId: number;
  /** The display the presenter window is on; null when unknown (it is then taken to be the primary). */
  presenterId: number | null;
}

/** Where the audience window is now: the display it was opened on, with that display's bounds then. */
export interface AudiencePlaced {
  displayId: number;
  bounds: ScreenRect;
}

/** What to do with the audience window after the displays (or the presenter's wish) changed. */
export type AudienceAction =
  | { kind: 'keep' }
  | { kind: 'open'; display: DisplayInfo }
  /** Close and reopen on `display`: moving a full-screen window between displays is unreliable. */
  | { kind: 'move'; display: DisplayInfo }
  | { kind: 'close' };

function overlaps(a: ScreenRect, b: ScreenRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function sameRect(a: ScreenRect, b: ScreenRect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

const area = (rect: ScreenRect): number => rect.width * rect.height;

/**
 * The display the audience window belongs on, or null for single-screen mode. Any display but the
 * presenter's qualifies, unless it overlaps the presenter's (a mirrored projector can be reported as a second
 * display at the same place; full screen there would cover the presenter). The display it is on now is kept
 * while it still qualifies, so plugging in a third screen does not move the film mid-lecture. Otherwise an
 * external display beats a laptop panel, then the larger one wins, then the order Electron gave.
 */
export function pickAudienceDisplay(
  layout: ScreenLayout,
  currentId: number | null = null,
): DisplayInfo | null {
  const presenter =
    layout.displays.find((display) => display.id === layout.presenterId) ??
    layout.displays.find((display) => display.id === layout.primaryId) ??
    null;
  const candidates = layout.displays.filter(
    (display) =>
      display.id !== presenter?.id && (presenter === null || !overlaps(display.bounds, presenter.bounds)),
  );
  const current = candidates.find((display) => display.id === currentId);
  if (current !== undefined) return current;
  // Array.prototype.sort is stable, so equal displays keep Electron's order.
  const ranked = [...candidates].sort(
    (a, b) => Number(a.internal === true) - Number(b.internal === true) || area(b.bounds) - area(a.bounds),
  );
  return ranked[0] ?? null;
}

/**
 * What to do with the audience window: open it where it belongs when the presenter wants one and a display
 * qualifies; close it when neither holds any more (single-screen mode); reopen it when its display went or
 * changed its bounds (the presenter's wish is the caller's to keep, not decided here). `preferredId` is the
 * display the lecturer just chose in the room check: taken if it qualifies, once (the caller does not keep
 * it, so a projector plugged back in later never pulls the window away mid-lecture).
 */
export function planAudience(input: {
  wanted: boolean;
  placed: AudiencePlaced | null;
  layout: ScreenLayout;
  preferredId?: number | null;
}): AudienceAction {
  const { wanted, placed, layout } = input;
  const preferredId = input.preferredId ?? null;
  const chosen = wanted && preferredId !== null ? pickAudienceDisplay(layout, preferredId) : null;
  const target = !wanted
    ? null
    : chosen !== null && chosen.id === preferredId
      ? chosen
      : pickAudienceDisplay(layout, placed?.displayId ?? null);
  if (target === null) return placed === null ? { kind: 'keep' } : { kind: 'close' };
  if (placed === null) return { kind: 'open', display: target };
  if (target.id === placed.displayId && sameRect(target.bounds, placed.bounds)) return { kind: 'keep' };
  return { kind: 'move', display: target };
}
