import type { CourseFileProblem } from '../../common/course-file/course-file-problem';

export type { CourseFileProblem, DamageLocation } from '../../common/course-file/course-file-problem';

/** The one error type of the course-file layer: `problem` says what, in a form that crosses IPC safely. */
export class CourseFileError extends Error {
  readonly problem: CourseFileProblem;

  constructor(problem: CourseFileProblem, options?: { cause?: unknown }) {
    super(`course file: ${describeProblemForLogs(problem)}`, options);
    this.name = 'CourseFileError';
    this.problem = problem;
  }
}

/** True when `value` is a CourseFileError with a problem of the given kind (for tests and catch blocks). */
export function isCourseFileError(
  value: unknown,
  kind?: CourseFileProblem['kind'],
): value is CourseFileError {
  return value instanceof CourseFileError && (kind === undefined || value.problem.kind === kind);
}

/** A terse English description for logs and stack traces only; people see the localised message. */
function describeProblemForLogs(problem: CourseFileProblem): string {
  switch (problem.kind) {
    case 'damaged':
      return problem.where.part === 'entry'
        ? `damaged (${problem.where.entry}, chunk ${problem.where.chunk} at byte ${problem.where.offset})`
        : `damaged (${problem.where.part})`;
    case 'truncated':
      return `truncated (${problem.actualBytes} of ${problem.expectedBytes} bytes)`;
    case 'newer-version':
      return `made by a newer version (format ${problem.version})`;
    case 'unknown-entry':
    case 'duplicate-entry':
    case 'bad-entry-name':
      return `${problem.kind} ${problem.entry}`;
    case 'not-found':
    case 'unreadable':
    case 'not-a-file':
    case 'busy':
      return `${problem.kind} ${problem.path}`;
    case 'made-elsewhere':
      return `made by another tool (${problem.reason})`;
    case 'write-failed':
      return `write failed ${problem.path} (${problem.reason}; ${problem.outcome})`;
    case 'too-many-open':
      return `too many open course files (${problem.max})`;
    case 'bad-range':
      return `bad range ${problem.start}-${problem.end} of ${problem.entry} (${problem.size} bytes)`;
    case 'too-many-passwords':
    case 'not-a-course-file':
    case 'wrong-password':
    case 'last-password':
    case 'closed':
      return problem.kind;
  }
}
