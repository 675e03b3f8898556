import type { CourseIssue } from '../../common/course/course-issue';
import type { CourseFileProblem } from '../../common/course-file/course-file-problem';
import type { MediaErrorCode } from '../transcoder/media-error';

/** Why a chapter's still could not be made. */
export type StillFailure = 'no-picture' | 'ffmpeg-failed';

/** Why packing failed, as data the CLI (and later the app) turns into words. */
export type PackProblem =
  | { kind: 'invalid-course'; errors: CourseIssue[]; warnings: CourseIssue[] }
  | { kind: 'media'; code: MediaErrorCode; details: readonly string[] }
  | { kind: 'chapter-not-on-segment'; chapterId: string; start: number }
  | {
      kind: 'still-failed';
      chapterId: string;
      /** Where in the film the still was to be taken, in seconds. */
      at: number;
      /** 'no-picture': ffmpeg found no frame there; 'ffmpeg-failed': it failed, `details` says how. */
      reason: StillFailure;
      details: readonly string[];
    }
  | { kind: 'too-many-passwords'; count: number; limit: number }
  | { kind: 'course-file'; problem: CourseFileProblem }
  | { kind: 'write-failed'; path: string; code: string }
  | { kind: 'aborted' };

/** The packer's one error type. */
export class PackError extends Error {
  readonly problem: PackProblem;

  constructor(problem: PackProblem, options?: { cause?: unknown }) {
    super(`pack: ${problem.kind}`, options);
    this.name = 'PackError';
    this.problem = problem;
  }
}
