import type {
  CourseIssue,
  CourseIssueCode,
  CourseIssueParams,
  CourseIssueSeverity,
} from '../../common/course/course-issue';

/** Where an issue is: the file (relative to the course folder), the position if known, and the field path. */
export interface IssueLocation {
  file: string;
  line?: number;
  col?: number;
  path: string;
}

/** Collects every issue found while loading a course folder, so authors see all of them at once. */
export class IssueCollector {
  readonly errors: CourseIssue[] = [];
  readonly warnings: CourseIssue[] = [];

  /** Records a problem that stops packing. */
  error<C extends CourseIssueCode>(code: C, at: IssueLocation, params: CourseIssueParams[C]): void {
    this.errors.push(makeIssue('error', code, at, params));
  }

  /** Records a problem that is only reported. */
  warning<C extends CourseIssueCode>(code: C, at: IssueLocation, params: CourseIssueParams[C]): void {
    this.warnings.push(makeIssue('warning', code, at, params));
  }

  /** Whether any error has been recorded so far. */
  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
}

/** Builds one issue; the code/params pairing is checked by the generic signature above. */
function makeIssue<C extends CourseIssueCode>(
  severity: CourseIssueSeverity,
  code: C,
  at: IssueLocation,
  params: CourseIssueParams[C],
): CourseIssue {
  const issue = { severity, code, file: at.file, path: at.path, params, ...position(at) };
  // TypeScript cannot narrow a generic C to one member of the union; the signature already ties code to params.
  return issue as unknown as CourseIssue;
}

/** Only the position fields that are known, so issues compare cleanly with toEqual. */
function position(at: IssueLocation): { line?: number; col?: number } {
  if (at.line === undefined) {
    return {};
  }
  return at.col === undefined ? { line: at.line } : { line: at.line, col: at.col };
}
