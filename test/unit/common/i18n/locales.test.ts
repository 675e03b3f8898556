import { describeCourseFileProblem } from '../../../../src/common/course-file/describe-problem';
import type { CourseFileProblem } from '../../../../src/common/course-file/course-file-problem';
import { LANGUAGES, pickLanguage } from '../../../../src/common/i18n/languages';
import { RESOURCES, NAMESPACES } from '../../../../src/common/i18n/resources';
import { createTranslator } from '../../../../src/common/i18n/translator';

/** Every key path of a nested message object, plural suffixes folded so nb's _one/_other match en's. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  it.each(NAMESPACES)('namespace %s has the same keys in nb, nn and en', (namespace) => {
    const [nb, nn, en] = LANGUAGES.map((language) => keys(RESOURCES[language][namespace]).sort());
    expect(nn).toEqual(nb);
    expect(en).toEqual(nb);
    expect(nb!.length).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('no message in %s is empty or left untranslated as its key', (language) => {
    const t = createTranslator(language);
    for (const namespace of NAMESPACES) {
      for (const key of keys(RESOURCES[language][namespace])) {
        const base = key.replace(/_(one|other)$/, '');
        const text = t(`${namespace}:${base}`, { count: 2 });
        expect(text.trim()).not.toBe('');
        expect(text).not.toBe(base);
      }
    }
  });

  const problems: CourseFileProblem[] = [
    { kind: 'not-found', path: '/x.plenum' },
    { kind: 'unreadable', path: '/x.plenum', reason: 'EACCES' },
    { kind: 'not-a-course-file' },
    { kind: 'newer-version', version: 2 },
    { kind: 'wrong-password' },
    { kind: 'truncated', expectedBytes: 10, actualBytes: 5 },
    { kind: 'damaged', where: { part: 'header' } },
    { kind: 'damaged', where: { part: 'index' } },
    { kind: 'damaged', where: { part: 'layout' } },
    { kind: 'damaged', where: { part: 'entry', entry: 'media/seg-00001.m4s', chunk: 2, offset: 99 } },
    { kind: 'unknown-entry', entry: 'x' },
    { kind: 'bad-range', entry: 'x', start: 1, end: 0, size: 3 },
    { kind: 'too-many-passwords', max: 60 },
    { kind: 'last-password' },
    { kind: 'duplicate-entry', entry: 'x' },
    { kind: 'bad-entry-name', entry: '../x' },
    { kind: 'closed' },
    { kind: 'not-a-file', path: '/x' },
    { kind: 'made-elsewhere', reason: 'too-many-slots' },
    { kind: 'made-elsewhere', reason: 'kdf-cost' },
    { kind: 'write-failed', path: '/x.plenum', reason: 'ENOSPC', outcome: 'unchanged' },
    { kind: 'write-failed', path: '/x.plenum', reason: 'EIO', outcome: 'unknown' },
    { kind: 'busy', path: '/x.plenum', lockPath: '/.x.plenum.lock' },
    { kind: 'too-many-open', max: 16 },
  ];

  it.each(LANGUAGES)('every course-file problem has its own sentence in %s', (language) => {
    const t = createTranslator(language);
    const sentences = problems.map((problem) => describeCourseFileProblem(problem, t));
    for (const sentence of sentences) expect(sentence).toMatch(/[.!?]$/);
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(describeCourseFileProblem(problems[9]!, t)).toContain('media/seg-00001.m4s');
  });

  it('picks the language from locale tags, bokmål by default', () => {
    expect(pickLanguage('nb_NO.UTF-8')).toBe('nb');
    expect(pickLanguage('no')).toBe('nb');
    expect(pickLanguage('nn-NO')).toBe('nn');
    expect(pickLanguage('en_GB.UTF-8')).toBe('en');
    expect(pickLanguage('de_DE')).toBe('nb');
    expect(pickLanguage(undefined)).toBe('nb');
  });
});
