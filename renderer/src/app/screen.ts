import type { HandoutKind } from '../handouts/handout-kind';

/** A course file about to be unlocked: its library entry, what to call it, and (for the demo only) its password. */
export interface UnlockTarget {
  /** The library entry's id: a window names entries, never paths. */
  id: number;
  title: string;
  /** Shown as a hint on the unlock screen; set for the demo course only, whose password is public. */
  demoPassword: string | null;
}

/**
 * Which screen the window shows when no session runs (a running session's screen comes from main's state).
 * `start`: not chosen yet, so the window follows main: the overview of the course unlocked last, else the
 * library (a window that reloads lands where the lecturer was, without the password asked again).
 */
export type Screen =
  | { kind: 'start' }
  | { kind: 'library' }
  | { kind: 'unlock'; target: UnlockTarget }
  | { kind: 'overview'; handle: string }
  /** A printable handout of an unlocked course; Back returns to its overview. */
  | { kind: 'handout'; handle: string; handout: HandoutKind };
