import en from '../../../../locales/en/course.json';
import nb from '../../../../locales/nb/course.json';
import nn from '../../../../locales/nn/course.json';
import { COURSE_ISSUE_CODES, formatIssue } from '../../../../src/common/course/course-issue';
import type { CourseIssue } from '../../../../src/common/course/course-issue';
import { createTranslator } from '../../../../src/common/i18n/translator';

const badTime: CourseIssue = {
  severity: 'error',
  code: 'bad-time',
  file: 'course.yaml',
  line: 41,
  col: 9,
  path: 'chapters[3].end',
  params: { value: '12:5x' },
};

describe('formatIssue', () => {
  const t = createTranslator('en');

  test('formats file, position, path and message like course-format.md', () => {
    expect(formatIssue(badTime, t)).toBe('course.yaml:41:9 chapters[3].end: "12:5x" is not a time');
  });

  test('leaves out the position when unknown', () => {
    const { line: _line, col: _col, ...withoutPosition } = badTime;
    expect(formatIssue(withoutPosition, t)).toBe('course.yaml chapters[3].end: "12:5x" is not a time');
  });

  test('leaves out the path when the issue is about the whole file', () => {
    const issue: CourseIssue = {
      severity: 'error',
      code: 'course-yaml-missing',
      file: 'course.yaml',
      path: '',
      params: {},
    };
    expect(formatIssue(issue, t)).toBe('course.yaml: not found in the course folder');
  });

  test('speaks bokmål and nynorsk', () => {
    expect(formatIssue(badTime, createTranslator('nb'))).toBe(
      'course.yaml:41:9 chapters[3].end: «12:5x» er ikke et tidspunkt',
    );
    expect(formatIssue(badTime, createTranslator('nn'))).toBe(
      'course.yaml:41:9 chapters[3].end: «12:5x» er ikkje eit tidspunkt',
    );
  });
});

describe('course messages', () => {
  const placeholders = (message: string): string[] =>
    [...message.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

  test.each([
    ['en', en],
    ['nb', nb],
    ['nn', nn],
  ])(
    '%s has exactly one message per issue code, with the same placeholders as English',
    (_language, messages) => {
      const english: Record<string, string> = en;
      const local: Record<string, string> = messages;
      expect(Object.keys(local).sort()).toEqual([...COURSE_ISSUE_CODES].sort());
      for (const code of COURSE_ISSUE_CODES) {
        expect([code, placeholders(local[code] ?? '')]).toEqual([code, placeholders(english[code] ?? '')]);
      }
    },
  );
});
