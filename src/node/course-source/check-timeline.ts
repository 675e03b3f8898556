import { formatTime } from '../../common/course/time';
import type { IssueCollector } from './issue-collector';
import type { Located } from './load-context';
import type { TimelineChapter } from './read-course';

/** A span whose start and end both parsed. */
interface Span {
  start: Located<number>;
  end: Located<number>;
}

/**
 * Checks the chapters against each other: each ends after it starts, chapters follow film order without
 * overlapping (gaps are fine), and every statement lies inside its chapter. Spans whose times did not parse
 * were already reported and are skipped, so one typo does not cascade into many errors.
 */
export function checkTimeline(issues: IssueCollector, chapters: readonly TimelineChapter[]): void {
  let previous: { path: string; span: Span } | undefined;
  for (const chapter of chapters) {
    const span = validSpan(issues, chapter);
    for (const statement of chapter.statements) {
      const statementSpan = validSpan(issues, statement);
      if (span !== undefined && statementSpan !== undefined && !isInside(statementSpan, span)) {
        const at =
          statementSpan.start.value < span.start.value ? statementSpan.start.at : statementSpan.end.at;
        issues.error(
          'statement-outside-chapter',
          { ...at, path: statement.path },
          {
            start: showTime(statementSpan.start.value),
            end: showTime(statementSpan.end.value),
            chapterStart: showTime(span.start.value),
            chapterEnd: showTime(span.end.value),
          },
        );
      }
    }
    if (span === undefined) {
      continue;
    }
    if (previous !== undefined && span.start.value < previous.span.start.value) {
      issues.error('chapter-out-of-order', span.start.at, {
        start: showTime(span.start.value),
        other: previous.path,
        otherStart: showTime(previous.span.start.value),
      });
    } else if (previous !== undefined && span.start.value < previous.span.end.value) {
      issues.error('chapter-overlap', span.start.at, {
        start: showTime(span.start.value),
        other: previous.path,
        otherEnd: showTime(previous.span.end.value),
      });
    }
    previous = { path: chapter.path, span };
  }
}

/**
 * How far past the film's real end a chapter or statement may end and still be accepted (then clamped). The
 * booklet prints whole seconds, while a real film's last frame may end a fraction of a second earlier.
 */
export const FILM_END_TOLERANCE_SECONDS = 1;

/**
 * Checks that every chapter and statement lies within the film's real (probed) duration. An end at most
 * FILM_END_TOLERANCE_SECONDS past the film's end is a warning (the loader clamps it); anything later, or a
 * start at or after the end, is an error.
 */
export function checkWithinFilm(
  issues: IssueCollector,
  chapters: readonly TimelineChapter[],
  duration: number,
): void {
  const check = (span: { start?: Located<number>; end?: Located<number> }): void => {
    const { start, end } = span;
    if (start !== undefined && start.value >= duration) {
      issues.error('beyond-film', start.at, { value: showTime(start.value), duration: showTime(duration) });
    } else if (end !== undefined && end.value > duration + FILM_END_TOLERANCE_SECONDS) {
      issues.error('beyond-film', end.at, { value: showTime(end.value), duration: showTime(duration) });
    } else if (end !== undefined && end.value > duration) {
      issues.warning('end-clamped-to-film', end.at, {
        value: showTime(end.value),
        duration: showTime(duration),
      });
    }
  };
  for (const chapter of chapters) {
    check(chapter);
    for (const statement of chapter.statements) {
      check(statement);
    }
  }
}

/** Times in messages keep their milliseconds only when they have some, so they read like course.yaml. */
export function showTime(seconds: number): string {
  return formatTime(seconds, { millis: Math.round(seconds * 1000) % 1000 !== 0 });
}

/** The span of a chapter or statement when both times parsed and it ends after it starts (else reported). */
function validSpan(
  issues: IssueCollector,
  timed: { start?: Located<number>; end?: Located<number> },
): Span | undefined {
  const { start, end } = timed;
  if (start === undefined || end === undefined) {
    return undefined;
  }
  if (end.value <= start.value) {
    issues.error('end-not-after-start', end.at, { end: showTime(end.value), start: showTime(start.value) });
    return undefined;
  }
  return { start, end };
}

function isInside(inner: Span, outer: Span): boolean {
  return inner.start.value >= outer.start.value && inner.end.value <= outer.end.value;
}
