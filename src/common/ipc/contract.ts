import { z } from 'zod';
import type { CourseManifest } from '../course/manifest';
import type { CourseFileHeaderSummary } from './course-summary';
import { lectureCommandSchema, type LectureState } from '../lecture/lecture-state';
import {
  planSchema,
  noteScopeSchema,
  settingsSchema,
  type CourseRecord,
  type Note,
  type Plan,
  type SessionRecord,
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
  /** Prefix for the course's entries, e.g. `plenum://media/<handle>/` or `/media/<handle>/`. */
  mediaBase: string;
  lecture: LectureState;
}

/**
 * Whether an audience window is showing the stage, and where: on a second display (the projector), on the
 * laptop's own screen (no second display), or as a browser page (the loopback host cannot tell which screen).
 */
export type AudiencePresence =
  { kind: 'absent' } | { kind: 'present'; placement: 'projector' | 'this-screen' | 'page' };

/**
 * What is on stage: the course being presented (for the audience window to load) and whether an audience
 * window shows it. When none does, the presenter window shows the stage itself (single-screen mode), so the
 * film is decoded in exactly one window.
 */
export interface StageState {
  course: UnlockedCourse | null;
  audience: AudiencePresence;
  /** Increases with every change, so a window drops a snapshot older than the one it shows. */
  revision: number;
}

/**
 * The one API between window and main: channel -> argument schema (checked at run time where arguments
 * enter) and result type. Each channel takes a single argument object.
 */
export const API_CONTRACT = {
  'app.info': { args: noArgs, result: result<AppInfo>() },
  'library.list': { args: noArgs, result: result<CourseRecord[]>() },
  'library.add': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: result<CourseRecord>(),
  },
  'library.remove': { args: z.object({ id: z.number().int() }).strict(), result: result<null>() },
  'library.pickFile': { args: noArgs, result: result<string | null>() },
  'course.unlock': {
    args: z.object({ path: z.string().min(1).max(4096), password: z.string().min(1).max(1024) }).strict(),
    result: result<UnlockedCourse>(),
  },
  'course.lock': { args: z.object({ handle }).strict(), result: result<null>() },
  'course.manifest': { args: z.object({ handle }).strict(), result: result<CourseManifest>() },
  'lecture.state': { args: z.object({ handle }).strict(), result: result<LectureState>() },
  'lecture.command': {
    args: z.object({ handle, command: lectureCommandSchema }).strict(),
    result: result<LectureState>(),
  },
  /** The playing window's playhead, several times a second; changes no revision, broadcast as an event. */
  'lecture.position': {
    args: z.object({ handle, seconds: z.number().min(0).max(1_000_000) }).strict(),
    result: result<null>(),
  },
  /** Starts timing a session on this lecture (ending one already running), or ends it (kind null). */
  'lecture.session': {
    args: z.object({ handle, kind: z.enum(['lecture', 'rehearsal']).nullable() }).strict(),
    result: result<LectureState>(),
  },
  'stage.state': { args: noArgs, result: result<StageState>() },
  /** Puts an unlocked course on stage (the presenter view opened it), or clears the stage (null). */
  'stage.present': { args: z.object({ handle: handle.nullable() }).strict(), result: result<StageState>() },
  /** Opens or closes the native audience window (Electron only; a page host answers forbidden). */
  'stage.audience': { args: z.object({ show: z.boolean() }).strict(), result: result<StageState>() },
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
  'sessions.start': {
    args: z
      .object({ courseId, planId: z.number().int().nullable(), kind: z.enum(['lecture', 'rehearsal']) })
      .strict(),
    result: result<SessionRecord>(),
  },
  'sessions.recordChapter': {
    args: z
      .object({
        sessionId: z.number().int(),
        chapterId: z.string().min(1),
        filmSeconds: z.number().min(0),
        discussionSeconds: z.number().min(0),
      })
      .strict(),
    result: result<null>(),
  },
  'sessions.end': {
    args: z.object({ sessionId: z.number().int() }).strict(),
    result: result<SessionRecord>(),
  },
  'sessions.list': { args: z.object({ courseId }).strict(), result: result<SessionRecord[]>() },
  'settings.get': { args: noArgs, result: result<Settings>() },
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
  'lecture.state': { handle: string; state: LectureState };
  'lecture.position': { handle: string; seconds: number };
  'library.changed': { entries: CourseRecord[] };
  'stage.state': StageState;
  'settings.changed': Settings;
}
/** Every event name. */
export type ApiEventName = keyof ApiEvents;
/** Every event name, for the preload's and the host's tables. */
export const API_EVENTS: readonly ApiEventName[] = [
  'lecture.state',
  'lecture.position',
  'library.changed',
  'stage.state',
  'settings.changed',
];
