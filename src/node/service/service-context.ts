import type { CourseManifest } from '../../common/course/manifest';
import type { AudiencePresence, ClosingCard, UnlockedCourse } from '../../common/ipc/contract';
import type { Settings } from '../../common/ipc/api-types';
import type { DisplayCheck } from '../../common/room/display-check';
import type { RoomCheck } from '../../common/room/room-check';
import type { Store } from '../store';
import type { CourseRegistry, OpenCourse } from './course-registry';
import type { ServiceEvents } from './service-events';
import type { SessionRunner } from './session-runner';

/** What the service needs from its host (Electron's main, or the loopback host). */
export interface ServiceDeps {
  store: Store;
  version: string;
  /** The demo course file, listed in the library from the start, if it exists. */
  demo: { path: string; password: string } | null;
  /** The URL prefix under which a course's entries are served, for the window. */
  mediaBase: (handle: string) => string;
  /** A native file dialog (Electron); absent in the loopback host, where a path is typed. */
  pickFile?: () => Promise<string | null>;
  /**
   * A native save dialog that writes `text` where the lecturer chooses (Electron); false when cancelled.
   * Absent in the loopback host, where the window offers the text as a download instead.
   */
  saveFile?: (suggestedName: string, text: string) => Promise<boolean>;
  /**
   * Prints the focused window to a PDF and saves it where the lecturer chooses in a native save dialog
   * (Electron); false when cancelled. Absent in the loopback host, where the window prints itself.
   */
  savePdf?: (suggestedName: string) => Promise<boolean>;
  /** Opens an https link in the system browser (Electron's shell); absent in the loopback host. */
  openExternal?: (url: string) => Promise<void>;
  /**
   * Electron's audience window (placed on the projector by main); absent in the loopback host, where the
   * presenter opens a second page instead. Either way the shell reports presence through `setAudience`.
   */
  audienceWindow?: { show(): void; hide(): void };
  /** Electron's displays for the room check (main's adapter over `screen`); absent in the loopback host. */
  room?: RoomDisplays;
  now?: () => number;
  /** How often a running session is saved; SESSION_SAVE_MS unless a test needs it sooner. */
  sessionSaveMs?: number;
}

/** The displays as main sees them, for the room check (`room.*` channels). */
export interface RoomDisplays {
  /** The displays numbered and judged, as they are now. */
  check(): DisplayCheck;
  /** Shows each display's number on it for a few seconds; answers the check the numbers belong to. */
  identify(): DisplayCheck;
  /** Opens (or moves) the audience window on that display, which the check found eligible; the check after. */
  audienceTo(displayId: number): DisplayCheck;
}

/** What every handler module shares: the store, the open courses, the session runner and the snapshot. */
export interface ServiceContext {
  deps: ServiceDeps;
  store: Store;
  courses: CourseRegistry;
  runner: SessionRunner;
  events: ServiceEvents;
  now: () => number;
  /** The open course with that handle; throws course-locked when there is none. */
  opened(handle: string): OpenCourse;
  /** The window's view of an open course. */
  unlockedView(course: OpenCourse): UnlockedCourse;
  /** Something every window renders changed: a new snapshot goes out with a higher revision. */
  changed(): void;
  audience(): AudiencePresence;
  roomCheck(): RoomCheck;
  /** Sets the room check; the caller's `changed()` sends it. */
  setRoomCheck(next: RoomCheck): void;
  /**
   * Sets (at "End the session") or clears (a new session, a lock) the room's end card; the caller's change
   * goes out with the next snapshot, so it never costs a broadcast of its own.
   */
  setClosing(card: ClosingCard | null): void;
  closing(): ClosingCard | null;
  settings(): Settings;
  /** Stores settings and tells every window; a failure is logged, never thrown (it only loses a memory). */
  remember(partial: Partial<Settings>): void;
  /** The plan a course's next session follows: the stored plan last chosen for it, if it still exists. */
  chosenPlan(manifest: CourseManifest): OpenCourse['plan'];
}
