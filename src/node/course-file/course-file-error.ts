/** Where in a course file damage was found, so the message can say where. */
export type DamageLocation =
  | { part: 'header' }
  | { part: 'index' }
  | { part: 'layout' }
  | { part: 'entry'; entry: string; chunk: number; offset: number };

/** Everything that can be wrong with a course file or a request to it, as data the UI turns into words. */
export type CourseFileProblem =
  | { kind: 'not-found'; path: string }
  | { kind: 'unreadable'; path: string; reason: string }
  | { kind: 'not-a-course-file' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'wrong-password' }
  | { kind: 'truncated'; expectedBytes: number; actualBytes: number }
  | { kind: 'damaged'; where: DamageLocation }
  | { kind: 'unknown-entry'; entry: string }
  | { kind: 'bad-range'; entry: string; start: number; end: number; size: number }
  | { kind: 'too-many-passwords'; max: number }
  | { kind: 'last-password' }
  | { kind: 'duplicate-entry'; entry: string }
  | { kind: 'bad-entry-name'; entry: string }
  | { kind: 'closed' };

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
      return `${problem.kind} ${problem.path}`;
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
