import type { TFunction } from 'i18next';

/** Every kind of problem the course-folder loader reports; each has a message in locales/<language>/course.json. */
export const COURSE_ISSUE_CODES = [
  'course-yaml-missing',
  'yaml-syntax',
  'yaml-warning',
  'duplicate-key',
  'multiple-documents',
  'required',
  'unknown-field',
  'not-a-string',
  'not-a-number',
  'not-a-boolean',
  'not-a-list',
  'not-a-mapping',
  'empty-text',
  'no-chapters',
  'bad-id',
  'duplicate-id',
  'bad-language',
  'duplicate-language',
  'duplicate-fact',
  'bad-time',
  'bad-minutes',
  'end-not-after-start',
  'chapter-out-of-order',
  'chapter-overlap',
  'statement-outside-chapter',
  'unknown-speaker',
  'path-absolute',
  'path-outside',
  'file-missing',
  'not-a-file',
  'file-unreadable',
  'not-webvtt',
  'image-not-local',
  'unsupported-image',
  'link-not-https',
  'film-probe-failed',
  'film-no-duration',
  'beyond-film',
  'end-clamped-to-film',
  'file-too-large',
  'file-changed',
  'not-utf8',
  'too-many-aliases',
  'text-too-long',
  'course-text-too-large',
  'course-files-too-large',
  'time-too-large',
  'bad-image',
  'image-too-large',
  'webvtt-error',
  'webvtt-warning',
  'yaml-too-deep',
  'webvtt-too-deep',
] as const;

/** One kind of problem in a course folder. */
export type CourseIssueCode = (typeof COURSE_ISSUE_CODES)[number];

/** The values a message of each code interpolates (times are already formatted, e.g. "07:23"). */
export type CourseIssueParams = {
  'course-yaml-missing': Record<string, never>;
  'yaml-syntax': { reason: string };
  'yaml-warning': { reason: string };
  'duplicate-key': { field: string };
  'multiple-documents': Record<string, never>;
  required: Record<string, never>;
  'unknown-field': { field: string };
  'not-a-string': Record<string, never>;
  'not-a-number': Record<string, never>;
  'not-a-boolean': Record<string, never>;
  'not-a-list': Record<string, never>;
  'not-a-mapping': Record<string, never>;
  'empty-text': Record<string, never>;
  'no-chapters': Record<string, never>;
  'bad-id': { value: string };
  'duplicate-id': { value: string; other: string };
  'bad-language': { value: string };
  'duplicate-language': { value: string; other: string };
  'duplicate-fact': { value: string; other: string };
  'bad-time': { value: string };
  'bad-minutes': { value: string };
  'end-not-after-start': { end: string; start: string };
  'chapter-out-of-order': { start: string; other: string; otherStart: string };
  'chapter-overlap': { start: string; other: string; otherEnd: string };
  'statement-outside-chapter': { start: string; end: string; chapterStart: string; chapterEnd: string };
  'unknown-speaker': { value: string };
  'path-absolute': { value: string };
  'path-outside': { value: string };
  'file-missing': { value: string };
  'not-a-file': { value: string };
  'file-unreadable': { value: string; reason: string };
  'not-webvtt': { value: string };
  'image-not-local': { value: string };
  'unsupported-image': { value: string; formats: string };
  'link-not-https': { value: string };
  'film-probe-failed': { value: string; reason: string };
  'film-no-duration': { value: string };
  'beyond-film': { value: string; duration: string };
  'end-clamped-to-film': { value: string; duration: string };
  'file-too-large': { value: string; limit: string };
  'file-changed': { value: string };
  'not-utf8': { value: string };
  'too-many-aliases': { limit: string };
  'text-too-long': { length: string; limit: string };
  'course-text-too-large': { limit: string };
  'course-files-too-large': { limit: string };
  'time-too-large': { value: string; limit: string };
  'bad-image': { value: string; format: string };
  'image-too-large': { value: string; size: string; limit: string };
  'webvtt-error': { reason: string };
  'webvtt-warning': { reason: string };
  'yaml-too-deep': Record<string, never>;
  'webvtt-too-deep': { value: string };
};

/** Whether the problem stops packing (error) or is only reported (warning). */
export type CourseIssueSeverity = 'error' | 'warning';

/** What every issue carries, whatever its code. */
interface CourseIssueBase {
  severity: CourseIssueSeverity;
  /** The file the problem is in, relative to the course folder with '/' (e.g. 'course.yaml', 'background.md'). */
  file: string;
  /** 1-based line, when the parser knows it. */
  line?: number;
  /** 1-based column, when the parser knows it. */
  col?: number;
  /** The field in course.yaml, e.g. 'chapters[3].end'; empty for the whole file. */
  path: string;
}

/** A problem of one particular code, with the params its message needs. */
export type CourseIssueOf<C extends CourseIssueCode> = CourseIssueBase & {
  code: C;
  params: CourseIssueParams[C];
};

/** One problem found in a course folder: a union discriminated by `code`. */
export type CourseIssue = { [C in CourseIssueCode]: CourseIssueOf<C> }[CourseIssueCode];

/**
 * Formats an issue as one line, compiler style: `course.yaml:41:9 chapters[3].end: "12:5x" is not a time`.
 * The position is left out when unknown and the path when the issue is about the whole file.
 */
export function formatIssue(issue: CourseIssue, t: TFunction): string {
  const position =
    issue.line === undefined ? '' : `:${issue.line}${issue.col === undefined ? '' : `:${issue.col}`}`;
  const where = issue.path === '' ? `${issue.file}${position}` : `${issue.file}${position} ${issue.path}`;
  // Params are copied so i18next's own options object never aliases (and so never mutates) the issue.
  const message = t(`course:${issue.code}`, { ...issue.params });
  return `${where}: ${message}`;
}
