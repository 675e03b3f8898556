// Pure: the room check's reading of the displays (numbers, where the audience goes, extended or mirrored).
// Main's adapter feeds it what Electron's `screen` reports; the console words the verdict.
import {
  pickAudienceDisplay,
  type DisplayInfo,
  type ScreenLayout,
  type ScreenRect,
} from './audience-placement';

/** A display as the room check reads it: placement's fields, the platform's name for it and its scale. */
export interface RoomDisplayInfo extends DisplayInfo {
  /** The platform's name (Electron's `Display.label`); may be empty. */
  label: string;
  scaleFactor: number;
}

/** What the room check reads: the displays, and where the console and the audience window are. */
export interface RoomLayout extends ScreenLayout {
  displays: readonly RoomDisplayInfo[];
  /** The display the audience window is on now; null while there is none. */
  audienceId: number | null;
}

/** One display in the room check, as the console lists it. */
export interface CheckedDisplay {
  id: number;
  /** 1..n, left to right then top to bottom: the number "identify" shows on it. */
  number: number;
  label: string;
  bounds: ScreenRect;
  scaleFactor: number;
  internal: boolean;
  /** The console (presenter window) is on it. */
  presenter: boolean;
  /** The audience window is on it now. */
  audience: boolean;
  /** The audience window may go here: not the console's display, and not overlapping it (a mirror). */
  eligible: boolean;
}

/**
 * How the displays are set up. `extended`: a second display with its own place, where the audience window is
 * or would go (`audience`, a display number). `mirrored`: two or more displays, but every other one lies over
 * the console's (the room would see the console). `single`: one display only; Electron reports a projector
 * the system mirrors as no display at all (electron/electron#33911), so this may be a mirror too.
 */
export type DisplayVerdict =
  { kind: 'extended'; audience: number } | { kind: 'mirrored' } | { kind: 'single' };

/** The room check's answer: the displays in number order and the verdict. */
export interface DisplayCheck {
  displays: CheckedDisplay[];
  verdict: DisplayVerdict;
}

/**
 * Numbers the displays and judges the set-up. The audience's display is the one placement would choose
 * (pickAudienceDisplay: one rule for both), so the check never promises a place the window will not go.
 */
export function checkDisplays(layout: RoomLayout): DisplayCheck {
  const presenterId =
    layout.displays.find((display) => display.id === layout.presenterId)?.id ??
    layout.displays.find((display) => display.id === layout.primaryId)?.id ??
    layout.displays[0]?.id ??
    null;
  // Sorted by place, as people see the screens side by side; equal places (a mirror) by id, so it is stable.
  const ordered = [...layout.displays].sort(
    (a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id,
  );
  const displays = ordered.map((display, index): CheckedDisplay => ({
    id: display.id,
    number: index + 1,
    label: display.label,
    bounds: { ...display.bounds },
    scaleFactor: display.scaleFactor,
    internal: display.internal === true,
    presenter: display.id === presenterId,
    audience: display.id === layout.audienceId,
    eligible: pickAudienceDisplay(layout, display.id)?.id === display.id,
  }));
  if (displays.length <= 1) return { displays, verdict: { kind: 'single' } };
  const target = pickAudienceDisplay(layout, layout.audienceId);
  const number = displays.find((display) => display.id === target?.id)?.number;
  return {
    displays,
    verdict: number === undefined ? { kind: 'mirrored' } : { kind: 'extended', audience: number },
  };
}
