import { describeCourseWarnings, describePackProblem } from '../../../src/cli/describe-pack-problem';
import type { CourseIssue } from '../../../src/common/course/course-issue';
import { createTranslator } from '../../../src/common/i18n/translator';

const t = createTranslator('en');

/** `count` errors, each an unknown time on its own line of course.yaml, the value written by a stranger. */
function timeErrors(count: number, value = '12:5x'): CourseIssue[] {
  return Array.from({ length: count }, (_, index) => ({
    severity: 'error',
    code: 'bad-time',
    file: 'course.yaml',
    line: index + 1,
    col: 10,
    path: `chapters[${index}].end`,
    params: { value },
  }));
}

describe('describePackProblem for an invalid course', () => {
  test('lists every error when there are a hundred or fewer, then the count', () => {
    const lines = describePackProblem({ kind: 'invalid-course', errors: timeErrors(2), warnings: [] }, t);
    expect(lines).toEqual([
      'course.yaml:1:10 chapters[0].end: "12:5x" is not a time',
      'course.yaml:2:10 chapters[1].end: "12:5x" is not a time',
      'Found 2 errors in the course folder. Nothing was written.',
    ]);
  });

  test('shows the first hundred of 16,000 errors and says how many more there are', () => {
    const lines = describePackProblem(
      { kind: 'invalid-course', errors: timeErrors(16_000), warnings: [] },
      t,
    );
    expect(lines).toHaveLength(102);
    expect(lines[99]).toBe('course.yaml:100:10 chapters[99].end: "12:5x" is not a time');
    expect(lines.slice(100)).toEqual([
      '… and 15900 more errors, not shown.',
      'Found 16000 errors in the course folder. Nothing was written.',
    ]);
  });

  test('a value from course.yaml cannot reach the terminal as control characters', () => {
    const lines = describePackProblem(
      { kind: 'invalid-course', errors: timeErrors(1, '\u001b[2J\u202e'), warnings: [] },
      t,
    );
    expect(lines[0]).toBe('course.yaml:1:10 chapters[0].end: "\\u001b[2J\\u202e" is not a time');
  });
});

describe('describeCourseWarnings', () => {
  test('60,000 unknown fields print as a hundred warnings and a count, each safe for the terminal', () => {
    const warnings: CourseIssue[] = Array.from({ length: 60_000 }, (_, index) => ({
      severity: 'warning',
      code: 'unknown-field',
      file: 'course.yaml',
      line: index + 1,
      col: 1,
      path: `k${index}\u001b`,
      params: { field: `k${index}\u001b` },
    }));
    const lines = describeCourseWarnings(warnings, t);
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe('course.yaml:1:1 k0\\u001b: unknown field "k0\\u001b" is ignored');
    expect(lines[100]).toBe('… and 59900 more warnings, not shown.');
  });
});
