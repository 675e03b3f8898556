import { z } from 'zod';
import type { CourseManifest } from '../course/manifest';
import type { CourseFileHeaderSummary } from './course-summary';
import { lecturePlanSchema, type LecturePlan } from '../plan/plan-step';
import type { ExportedSession } from '../records/session-export';
import type { DisplayCheck } from '../room/display-check';
import type { RoomCheck } from '../room/room-check';
import {
  BOARD_ENTRIES_MAX,
  BOARD_ENTRY_MAX,
  sessionCommandSchema,
  sessionKindSchema,
  sessionViewSchema,
  type SessionState,
  type UnfinishedSession,
} from '../session/session-state';
import {
  planSchema,
  noteScopeSchema,
  settingsSchema,
  type CourseRecord,
  type Note,
  type Plan,
  type Settings,
} from './api-types';

/** A result type carried by the contract for the type checker only (results are produced by our own code). */
function result<T>(): T {
  return undefined as T;
}

const handle = z.string().regex(/^[a-f0-9]{32}$/);
const courseId = z.string().min(1).max(200);
const noArgs = z.object({}).strict();

/** General facts the window needs at start. */
export interface AppInfo {
  version: string;
  /** The demo course, offered in the library from the start (its password may be shown: it is the demo's). */
  demo: { path: string; password: string } | null;
  /** Whether a native file dialog exists (Electron) or a path must be typed (loopback host). */
  canPickFiles: boolean;
  /**
   * How the audience window opens: `native` (Electron's main places it on the projector: `stage.audience`),
   * or `page` (the loopback host: the presenter opens a second page of the same origin).
   */
  audienceWindow: 'native' | 'page';
}

/** An unlocked course as the window sees it: an opaque handle (never the key), the manifest, the media base. */
export interface UnlockedCourse {
  handle: string;
  header: CourseFileHeaderSummary;
  manifest: CourseManifest;
  /** Prefix for the course's entries, e.g. `plenum://app/media/<handle>/` or `/media/<handle>/`. */
  mediaBase: string;
  /** The plan the next session of this course follows (the one last chosen), or null for every chapter. */
  plan: LecturePlan | null;
  /** Its sessions left unfinished (at most one per kind), so the overview can offer to continue them. */
  unfinished: UnfinishedSession[];
}

/**
 * What exporting the session log came to: saved where the lecturer chose (Electron's dialog), cancelled, or
 * the text for the window to offer as a download (the loopback host, which has no dialog).
 */
export type SessionExportResult =
  { kind: 'saved' } | { kind: 'cancelled' } | { kind: 'download'; fileName: string; text: string };

/**
 * What saving a handout as a PDF came to: saved where the lecturer chose (Electron prints the window to a PDF
 * and shows its save dialog), cancelled, or `print`: the loopback host has no dialog, so the window opens
 * the browser's own print dialog, which can save a PDF too.
 */
export type HandoutPdfResult = { kind: 'saved' } | { kind: 'cancelled' } | { kind: 'print' };

/** The file name a handout's PDF is offered under (without `.pdf`): an id-like name, safe in any folder. */
export const HANDOUT_PDF_NAME = /^[a-z0-9-]{1,120}$/;

/**
 * Whether an audience window is showing the stage, and where: on a second display (the projector), on the
 * laptop's own screen (no second display), or as a browser page (the loopback host cannot tell which screen).
 */
export type AudiencePresence =
  { kind: 'absent' } | { kind: 'present'; placement: 'projector' | 'this-screen' | 'page' };

/**
 * The lecture that was just ended, for the room's end card (the course's title, the thanks and the evaluation
 * QR code) until a new session begins or the course is locked.
 */
export interface ClosingCard {
  handle: string;
  courseTitle: string;
}

/**
 * Everything main holds that a window renders, in one snapshot: the unlocked courses, the running session
 * (on stage: the audience window shows it), whether an audience window shows the stage, and the settings.
 * A window that reloads or crashes asks for it again and comes back to the same screen. When no audience
 * window shows the stage, the presenter window shows it itself (single-screen mode), so the film is decoded
 * in exactly one window.
 */
export interface PlenumState {
  /** Increases with every change, so a window drops a snapshot older than the one it shows. */
  revision: number;
  /** The unlocked courses, in the order they were unlocked (the last one is the lecturer's latest). */
  courses: UnlockedCourse[];
  session: SessionState | null;
  audience: AudiencePresence;
  settings: Settings;
  /** The lecture just ended, whose end card the audience window shows; null once anything else begins. */
  closing: ClosingCard | null;
  /** The room check before class: the test pattern and the test tone on the audience's screen. */
  roomCheck: RoomCheck;
}

/**
 * The one API between window and main: channel -> argument schema (checked at run time where arguments
 * enter) and result type. Each channel takes a single argument object. Every use case is one call.
 */
export const API_CONTRACT = {
  'app.info': { args: noArgs, result: result<AppInfo>() },
  /** The snapshot every window renders (then follows through `state` events). */
  'state.get': { args: noArgs, result: result<PlenumState>() },
  'library.list': { args: noArgs, result: result<CourseRecord[]>() },
  /** Adds a course file by a typed path (the loopback host's only way to name a file). */
  'library.add': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: result<CourseRecord>(),
  },
  /** The native open dialog (Electron); the chosen file is added to the library. Null when cancelled. */
  'library.pickFile': { args: noArgs, result: result<CourseRecord | null>() },
  /** Unlocks a library entry (by id: a window never hands main a path to open). */
  'course.unlock': {
    args: z.object({ id: z.number().int(), password: z.string().min(1).max(1024) }).strict(),
    result: result<UnlockedCourse>(),
  },
  /** Locks a course: its sessions are saved and left unfinished, and its password is asked again. */
  'course.lock': { args: z.object({ handle }).strict(), result: result<null>() },
  /** The plan the course's next session follows (remembered for the course); a running session takes it too. */
  'course.choosePlan': {
    args: z.object({ handle, plan: lecturePlanSchema.nullable() }).strict(),
    result: result<UnlockedCourse>(),
  },
  /** Saves a plan and makes it the course's (a running session follows it): rehearsal timings written back. */
  'course.adoptPlan': { args: z.object({ handle, plan: planSchema }).strict(), result: result<Plan>() },
  /**
   * Starts a session of that kind on the course and puts it on stage, or continues the unfinished one of
   * that kind (unless `fresh`, which ends it first). A finished film starts a new pass.
   */
  'session.begin': {
    args: z
      .object({ handle, kind: sessionKindSchema, view: sessionViewSchema, fresh: z.boolean().optional() })
      .strict(),
    result: result<SessionState>(),
  },
  /** A command to the running session (keys, clicker, buttons, the player's reports). */
  'session.command': {
    args: z.object({ command: sessionCommandSchema }).strict(),
    result: result<SessionState>(),
  },
  /** One chapter's class board entries in the running session, replaced whole (sent as they are typed). */
  'session.board': {
    args: z
      .object({
        chapterId: z.string().min(1).max(200),
        entries: z.array(z.string().max(BOARD_ENTRY_MAX)).max(BOARD_ENTRIES_MAX),
      })
      .strict(),
    result: result<SessionState>(),
  },
  /** The playing window's playhead, several times a second; changes no revision, broadcast as an event. */
  'session.position': {
    args: z.object({ seconds: z.number().min(0).max(1_000_000) }).strict(),
    result: result<null>(),
  },
  /** Leaves the session for the overview: the film pauses, the stage empties, the session stays unfinished. */
  'session.leave': { args: noArgs, result: result<null>() },
  /** Ends the running session for good (the window has asked the lecturer first). */
  'session.end': { args: noArgs, result: result<null>() },
  /** Opens or closes the native audience window (Electron only; a page host answers forbidden). */
  'stage.audience': { args: z.object({ show: z.boolean() }).strict(), result: result<AudiencePresence>() },
  /** The room check: the displays numbered, where the audience goes, extended or mirrored (Electron only). */
  'room.displays': { args: noArgs, result: result<DisplayCheck>() },
  /** Shows each display's number on it for a few seconds (Electron only). */
  'room.identify': { args: noArgs, result: result<DisplayCheck>() },
  /** Opens the audience window on that display (an id from `room.displays`; Electron only). */
  'room.audienceTo': {
    args: z.object({ displayId: z.number().int() }).strict(),
    result: result<DisplayCheck>(),
  },
  /** The test pattern on the audience's screen, on or off (both hosts). */
  'room.pattern': { args: z.object({ on: z.boolean() }).strict(), result: result<RoomCheck>() },
  /** Plays the test tone once in the window that holds the stage (both hosts). */
  'room.tone': { args: noArgs, result: result<RoomCheck>() },
  'plans.list': { args: z.object({ courseId }).strict(), result: result<Plan[]>() },
  'plans.save': { args: planSchema, result: result<Plan>() },
  'plans.remove': { args: z.object({ id: z.number().int() }).strict(), result: result<null>() },
  'notes.list': { args: z.object({ courseId }).strict(), result: result<Note[]>() },
  'notes.save': {
    args: z
      .object({
        courseId,
        chapterId: z.string().nullable(),
        scope: noteScopeSchema,
        text: z.string().max(100_000),
      })
      .strict(),
    result: result<Note>(),
  },
  /** The session log of a course, newest first: plan, chapters shown, planned against actual. */
  'sessions.list': { args: z.object({ courseId }).strict(), result: result<ExportedSession[]>() },
  /** Deletes a session from the log (the window has asked first); the running session cannot be deleted. */
  'sessions.remove': { args: z.object({ id: z.number().int() }).strict(), result: result<null>() },
  /** The course's session log as CSV: saved through a dialog (Electron), or handed back to download. */
  'sessions.export': {
    args: z.object({ courseId, delimiter: z.enum([',', ';']), summary: z.boolean() }).strict(),
    result: result<SessionExportResult>(),
  },
  /** Prints the handout on screen to an A4 PDF (Electron: the focused window) saved where the lecturer chooses. */
  'handout.savePdf': {
    args: z.object({ name: z.string().regex(HANDOUT_PDF_NAME) }).strict(),
    result: result<HandoutPdfResult>(),
  },
  'settings.update': { args: settingsSchema.partial().strict(), result: result<Settings>() },
  'shell.openLink': {
    args: z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
    result: result<null>(),
  },
} as const;

/** Every channel name. */
export type ApiChannel = keyof typeof API_CONTRACT;
/** The argument object of a channel. */
export type ApiArgs<C extends ApiChannel> = z.input<(typeof API_CONTRACT)[C]['args']>;
/** The result of a channel. */
export type ApiValue<C extends ApiChannel> = (typeof API_CONTRACT)[C]['result'];

/** Every channel name, in contract order (the preload and the host build their tables from it). */
export const API_CHANNELS = Object.keys(API_CONTRACT) as ApiChannel[];

/** Events main sends to every window, with their payloads. */
export interface ApiEvents {
  /** The whole snapshot, after every change. */
  state: PlenumState;
  /** The running session's playhead (no revision: the latest report wins). */
  position: { sessionId: number; seconds: number };
  'library.changed': { entries: CourseRecord[] };
}
/** Every event name. */
export type ApiEventName = keyof ApiEvents;
/** Every event name, for the preload's and the host's tables. */
export const API_EVENTS: readonly ApiEventName[] = ['state', 'position', 'library.changed'];
