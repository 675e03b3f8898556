import type { CourseFileProblem } from '../course-file/course-file-problem';

/** What a store failure was, as data (the renderer words it from locales/). */
export type StoreProblem =
  | { kind: 'corrupt'; path: string }
  | { kind: 'newer-version'; version: number; supported: number }
  | { kind: 'locked'; path: string }
  | { kind: 'disk-full'; path: string }
  | { kind: 'read-only'; path: string }
  /** The path, or a folder on the way to it, is the wrong kind of thing (e.g. a folder where the file goes). */
  | { kind: 'not-a-file'; path: string };

/**
 * Every error that crosses the IPC boundary: a typed code, never a stack trace or a message in one language.
 * The renderer turns each into words from locales/.
 */
export type ApiError =
  | { code: 'course-file'; problem: CourseFileProblem }
  | { code: 'invalid-arguments'; channel: string; issues: string[] }
  | { code: 'unknown-channel'; channel: string }
  | {
      code: 'not-found';
      what: 'course' | 'plan' | 'note' | 'session' | 'library-entry' | 'chapter' | 'display';
    }
  | { code: 'course-locked' }
  /** A session command with no session running (the window shows an outdated screen). */
  | { code: 'no-session' }
  | { code: 'store'; problem: StoreProblem }
  | { code: 'forbidden' }
  | { code: 'internal' };

/** The result of every API call: a value, or a typed error. Never a thrown exception across the boundary. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
