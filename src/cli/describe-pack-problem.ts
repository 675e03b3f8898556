import { formatIssue, type CourseIssue } from '../common/course/course-issue';
import { describeCourseFileProblem } from '../common/course-file/describe-problem';
import type { Translate } from '../common/i18n/translator';
import type { MediaErrorCode } from '../node/transcoder/media-error';
import type { PackProblem } from '../node/packer/pack-problem';
import { formatTime } from '../common/course/time';
import { terminalSafe } from './terminal-safe';

/** The most course errors (or warnings) `pack` lists; a count stands for the rest. */
const SHOWN_ISSUES = 100;

/** The warnings found in a course folder, as terminal-safe lines (the first hundred, then a count). */
export function describeCourseWarnings(warnings: readonly CourseIssue[], t: Translate): string[] {
  return listIssues(warnings, 'cli:pack.moreWarnings', t).map(terminalSafe);
}

/** Issues one a line, at most SHOWN_ISSUES of them: a hostile folder can hold thousands. */
function listIssues(
  issues: readonly CourseIssue[],
  moreKey: 'cli:pack.moreErrors' | 'cli:pack.moreWarnings',
  t: Translate,
): string[] {
  const hidden = issues.length - SHOWN_ISSUES;
  return [
    ...issues.slice(0, SHOWN_ISSUES).map((issue) => formatIssue(issue, t)),
    ...(hidden > 0 ? [t(moreKey, { count: hidden })] : []),
  ];
}

/**
 * Puts a packing failure into lines for the terminal: every course.yaml error, or what went wrong and what to
 * do. Values quoted from the course folder and ffmpeg's words about the film are made terminal-safe.
 */
export function describePackProblem(problem: PackProblem, t: Translate): string[] {
  return describe(problem, t).map(terminalSafe);
}

function describe(problem: PackProblem, t: Translate): string[] {
  switch (problem.kind) {
    case 'invalid-course':
      return [
        ...listIssues(problem.errors, 'cli:pack.moreErrors', t),
        t('cli:pack.invalidCourse', { count: problem.errors.length }),
      ];
    case 'media':
      return problem.code === 'failed' && problem.details.length === 0
        ? [t('cli:media.failedSilently')]
        : [describeMediaError(problem.code, t), ...problem.details.map((line) => `  ffmpeg: ${line}`)];
    case 'chapter-not-on-segment':
      return [
        t('cli:pack.chapterNotOnSegment', {
          chapter: problem.chapterId,
          start: formatTime(problem.start, { millis: true }),
        }),
      ];
    case 'still-failed':
      return describeStillFailure(problem, t);
    case 'too-many-passwords':
      return [t('cli:pack.tooManyPasswords', { count: problem.count, limit: problem.limit })];
    case 'course-file':
      return [describeCourseFileProblem(problem.problem, t)];
    case 'write-failed':
      return [
        problem.code === 'ENOSPC'
          ? t('cli:pack.diskFull', { path: problem.path })
          : problem.code === 'ENOENT'
            ? t('cli:pack.noSuchFolder', { path: problem.path })
            : t('cli:pack.writeFailed', { path: problem.path, code: problem.code }),
      ];
    case 'aborted':
      return [t('cli:pack.aborted')];
  }
}

/** Why a chapter's still could not be taken, and where in the film. */
function describeStillFailure(
  problem: Extract<PackProblem, { kind: 'still-failed' }>,
  t: Translate,
): string[] {
  const where = { chapter: problem.chapterId, at: formatTime(problem.at, { millis: true }) };
  switch (problem.reason) {
    case 'no-picture':
      return [t('cli:pack.stillNoPicture', where)];
    case 'ffmpeg-failed':
      return [t('cli:pack.stillFailed', where), ...problem.details.map((line) => `  ffmpeg: ${line}`)];
  }
}

/** What a media failure means for the person packing a course. */
export function describeMediaError(code: MediaErrorCode, t: Translate): string {
  switch (code) {
    case 'not-found':
      return t('cli:media.notFound');
    case 'unreadable':
      return t('cli:media.unreadable');
    case 'not-media':
      return t('cli:media.notMedia');
    case 'no-duration':
      return t('cli:media.noDuration');
    case 'no-video':
      return t('cli:media.noVideo');
    case 'tool-missing':
      return t('cli:media.toolMissing');
    case 'failed':
      return t('cli:media.failed');
    case 'aborted':
      return t('cli:pack.aborted');
  }
}
