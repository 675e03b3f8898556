/**
 * Fuzzes the course.yaml loader (not run in CI: `npm run fuzz:course`, or `FUZZ_RUNS=50000 npm run fuzz:course`).
 * fast-check generates course.yaml texts three ways: structured courses with hostile values (written by the
 * yaml package, anchors and aliases included), raw soups of YAML tokens, and byte-level mutations of a valid
 * course; the Markdown and WebVTT files they may name are generated too (soups of their syntax, raw bytes). Every case must end in a loaded course (whose manifest the schema accepts) or in errors that say
 * where they are; a thrown exception, an error without a position or a case slower than MAX_CASE_MS fails
 * the run, and fast-check shrinks it to a small example. Prints the figures either way.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Document } from 'yaml';
import type { CourseIssue, CourseIssueCode } from '../../src/common/course/course-issue';
import { courseManifestSchema } from '../../src/common/course/manifest';
import { loadCourseFolder } from '../../src/node/course-source/load-course-folder';
import { median } from './measure';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Far above what any case should take (a few ms); a case past this is a hang in the making. */
const MAX_CASE_MS = 2_000;
/** Issues about a whole file, which has no line to point at. */
const WHOLE_FILE_CODES = new Set<CourseIssueCode>([
  'course-yaml-missing',
  'file-too-large',
  'empty-text',
  'text-too-long',
  'not-utf8',
  'webvtt-too-deep',
]);

const VALID = `id: demo
title: Demo
language: nb
film: film.mp4
background: bakgrunn.md
subtitles:
  - { language: nb, label: Norsk, file: subs/nb.vtt }
people:
  - { id: rune, name: Rune }
chapters:
  - id: en
    title: "En"
    start: "00:10"
    end: "00:50"
    summary: "Se ![bilde](bilde.png)"
    statements:
      - { start: 20, end: "00:30", speaker: rune, label: Hei }
    prompts: [Hva skjer?, bakgrunn.md]
    tips: [{ title: Tips, body: Snakk }]
    quote: { text: Sitat, speaker: rune }
    links: [{ label: Mer, url: "https://example.org" }]
`;

const FIELD_NAMES = [
  'id',
  'title',
  'language',
  'film',
  'notice',
  'people',
  'background',
  'subtitles',
  'chapters',
  'name',
  'role',
  'about',
  'label',
  'file',
  'start',
  'end',
  'pause',
  'minutes',
  'summary',
  'statements',
  'speaker',
  'prompts',
  'tips',
  'body',
  'solutions',
  'quote',
  'text',
  'links',
  'url',
  '<<',
];

/** Values an author (or an attacker) might write where any field is expected. */
const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '00:10',
    '1:02:03.5',
    '1e308',
    '-1',
    '.nan',
    '.inf',
    '99:99',
    '24:00:01',
    '00:00',
    'film.mp4',
    'bakgrunn.md',
    '../ut.md',
    '/etc/passwd',
    'subs/nb.vtt',
    'bilde.png',
    'https://example.org',
    'nb',
    'ikke-en-sti.md',
    '![x](bilde.png)',
    '![x](../x.png)',
    '![x](http://x/y.png)',
    '\u001b[2J',
    '\u202e',
    '',
    ' ',
    'rune',
    'true',
    'null',
    '~',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ minLength: 400, maxLength: 3000 }),
);

/** Any YAML value, up to a small depth, with field names drawn from the course format. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string()), tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** A course-shaped mapping where any field may be missing, of the wrong type or hostile. */
const structuredCourse = fc
  .record(
    {
      id: fc.oneof(fc.constant('demo'), hostileScalar),
      title: fc.oneof(fc.constant('Demo'), hostileScalar),
      language: fc.oneof(fc.constant('nb'), hostileScalar),
      film: fc.oneof(fc.constant('film.mp4'), hostileScalar),
      background: hostileValue,
      subtitles: fc.array(
        fc.record(
          { language: hostileScalar, label: hostileScalar, file: hostileScalar },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      chapters: fc.array(
        fc.record(
          {
            id: hostileScalar,
            title: hostileScalar,
            start: hostileScalar,
            end: hostileScalar,
            summary: hostileValue,
            prompts: hostileValue,
            statements: hostileValue,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      extra: hostileValue,
    },
    { requiredKeys: [] },
  )
  .chain((course) =>
    // Sometimes written with anchors on repeated values, so the loader sees aliases.
    fc.boolean().map((aliases) => new Document(course, { aliasDuplicateObjects: aliases }).toString()),
  );

const TOKENS = [
  'id:',
  'title:',
  'chapters:',
  'prompts:',
  'start:',
  'end:',
  'film:',
  '- ',
  '  ',
  '    ',
  '\n',
  ': ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '&a ',
  '*a',
  '&b ',
  '*b',
  '<<: *a',
  '!!binary ',
  '!!str ',
  '!custom ',
  '? ',
  '|',
  '>-',
  '---',
  '...',
  '%YAML 1.2',
  '# comment',
  '\t',
  '\r\n',
  '\uFEFF',
  '00:10',
  '1e308',
  'x.md',
  'bilde.png',
];

/** A soup of YAML tokens and course words: mostly invalid, sometimes surprising. */
const tokenSoup = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 120 })
  .map((parts) => parts.join(''));

/** The valid course with a few bytes inserted, deleted or replaced. */
const mutatedValid = fc
  .array(
    fc.record({
      at: fc.nat({ max: VALID.length }),
      remove: fc.nat({ max: 4 }),
      insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4, unit: 'binary' })),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) =>
    edits.reduce(
      (text, edit) => text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove),
      VALID,
    ),
  );

const MARKDOWN_TOKENS = [
  '![x](bilde.png)',
  '![x](',
  '](',
  '![',
  '[',
  ']',
  '(',
  ')',
  '`',
  '``',
  '```\n',
  '~~~\n',
  '\n',
  ' ',
  '\\',
  '<',
  '>',
  '"',
  '[r]: bilde.png\n',
  '![r][r]',
  '![x](../ut.png)',
  '![x](https://x/y.png)',
  '![x](ikke.gif)',
  '![x](bilde.bmp)',
  '![x](<bilde.png>)',
  '![x](bilde.png "t")',
  '%20',
  '\uFEFF',
  '\u0000',
];
const VTT_TOKENS = [
  'WEBVTT',
  '\n',
  '\n\n',
  '00:01.000 --> 00:02.000',
  ' --> ',
  '00:0x.000',
  '99:59:59.999',
  '<b>',
  '</b>',
  '<v Rune>',
  '<00:01.500>',
  '&amp;',
  '&',
  'NOTE ',
  'STYLE\n',
  'align:start',
  ' ',
  'Hei',
  '\r\n',
  '\uFEFF',
  '-->',
];

/** The folder's Markdown and subtitle file for one case: as shipped, or generated soups of their syntax. */
interface CaseFiles {
  markdown: string | Buffer;
  subtitles: string | Buffer;
}

const soupOf = (tokens: readonly string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 })), { maxLength: 80 })
    .map((parts) => parts.join(''));

const caseFiles: fc.Arbitrary<CaseFiles> = fc.record({
  markdown: fc.oneof(
    fc.constant('# Bakgrunn\n\nSe ![bilde](bilde.png).\n'),
    soupOf(MARKDOWN_TOKENS),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  ),
  subtitles: fc.oneof(
    fc.constant('WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n'),
    soupOf(VTT_TOKENS).map((soup) => `WEBVTT\n\n${soup}`),
    soupOf(VTT_TOKENS),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  ),
});

/** What one case ended in, for the figures. */
type Outcome = 'loaded' | 'refused';

async function main(): Promise<void> {
  const parent = await mkdtemp(path.join(tmpdir(), 'plenum-fuzz-'));
  const folder = path.join(parent, 'course');
  await mkdir(path.join(folder, 'subs'), { recursive: true });
  await writeFile(path.join(folder, 'film.mp4'), 'not a film: the probe is faked');
  await writeFile(path.join(folder, 'bakgrunn.md'), '# Bakgrunn\n\nSe ![bilde](bilde.png).\n');
  await writeFile(path.join(folder, 'subs', 'nb.vtt'), 'WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n');
  // The smallest real PNG (1×1 grey), so picture references can pass.
  await writeFile(
    path.join(folder, 'bilde.png'),
    Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010800000000' +
        '3a7e9b550000000a49444154789c63680000008200815b8cb8c20000000049454e44ae426082',
      'hex',
    ),
  );

  // Nothing the loader does may print by itself (a Node warning reaches the author's terminal unasked).
  const warnings: string[] = [];
  process.on('warning', (warning) => warnings.push(warning.message));

  const times: number[] = [];
  const outcomes: Record<Outcome, number> = { loaded: 0, refused: 0 };
  const codes = new Map<string, number>();
  const check = async (text: string, files: CaseFiles): Promise<void> => {
    await writeFile(path.join(folder, 'course.yaml'), text);
    await writeFile(path.join(folder, 'bakgrunn.md'), files.markdown);
    await writeFile(path.join(folder, 'subs', 'nb.vtt'), files.subtitles);
    const started = performance.now();
    const result = await loadCourseFolder(folder, { probeFilmDuration: async () => 120 });
    const elapsed = performance.now() - started;
    times.push(elapsed);
    if (elapsed > MAX_CASE_MS) throw new Error(`took ${elapsed.toFixed(0)} ms`);
    if (result.ok) {
      await result.film.close();
      courseManifestSchema.parse(result.manifest);
      outcomes.loaded += 1;
      return;
    }
    if (result.errors.length === 0) throw new Error('refused without an error');
    for (const issue of result.errors) {
      codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
      if (!hasPosition(issue)) throw new Error(`no position: ${JSON.stringify(issue)}`);
    }
    outcomes.refused += 1;
  };

  await measureKnownShapes(check, times);
  times.length = 0;
  outcomes.loaded = 0;
  outcomes.refused = 0;
  codes.clear();

  const started = performance.now();
  const report = await fc.check(
    fc.asyncProperty(
      fc.oneof(structuredCourse, tokenSoup, mutatedValid, fc.string({ unit: 'binary' })),
      caseFiles,
      check,
    ),
    { numRuns: RUNS },
  );
  const total = performance.now() - started;
  await rm(parent, { recursive: true, force: true });

  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  console.log(`course.yaml fuzz: ${times.length} cases in ${(total / 1000).toFixed(1)} s`);
  console.log(`  loaded ${outcomes.loaded}, refused ${outcomes.refused}`);
  console.log(
    `  per case: median ${median(times).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
  );
  const top = [...codes].sort((a, b) => b[1] - a[1]).slice(0, 24);
  console.log(`  most common errors: ${top.map(([code, count]) => `${code} ${count}`).join(', ')}`);
  if (warnings.length > 0) {
    console.error(`  the loader printed ${warnings.length} Node warnings, e.g.: ${warnings[0]}`);
    process.exitCode = 1;
  }
  if (report.failed) {
    console.error(fc.defaultReportMessage(report));
    console.error(report.errorInstance);
    process.exitCode = 1;
  }
}

const DEFAULT_FILES: CaseFiles = {
  markdown: '# Bakgrunn\n\nSe ![bilde](bilde.png).\n',
  subtitles: 'WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n',
};

/** VALID with extra lines for its chapter's fields (indented four spaces). */
const withChapterLines = (...lines: string[]) => VALID + lines.map((line) => `    ${line}\n`).join('');

/**
 * Shapes that once made the loader slow or made it throw (issue 12 and what the fuzz and probing found), each
 * at the size of its limit: the figures show what a hostile folder costs, as a ratio to the valid course.
 */
const KNOWN_SHAPES: readonly { name: string; text: string; files?: Partial<CaseFiles> }[] = [
  { name: 'valid course (baseline)', text: VALID },
  {
    name: '10,000 aliases to a 100 KB text',
    text: withChapterLines(
      `solutions: [&big ${'x'.repeat(100_000)}]`,
      'prompts:',
      ...Array(10_000).fill('  - *big'),
    ),
  },
  {
    name: '2,000 names of one 800 KB .md',
    text: withChapterLines('prompts:', ...Array(2000).fill('  - bakgrunn.md')),
    files: { markdown: 'ord '.repeat(200_000) },
  },
  {
    name: '15,000 keys',
    text: VALID + Array.from({ length: 15_000 }, (_, index) => `k${index}: v`).join('\n') + '\n',
  },
  { name: '100,000 nested [', text: VALID + `x: ${'['.repeat(100_000)}\n` },
  { name: '45,000 empty list items', text: VALID + 'x:\n' + '  - \n'.repeat(45_000) },
  {
    name: '.md: backtick runs of every length',
    text: VALID,
    files: { markdown: Array.from({ length: 600 }, (_, index) => `${'`'.repeat(index + 1)}a`).join('') },
  },
  {
    name: '.md: 13,000 remote pictures',
    text: VALID,
    files: { markdown: '![x](http://a)\n'.repeat(13_000) },
  },
  {
    name: '.vtt: a cue of 100,000 nested <b>',
    text: VALID,
    files: { subtitles: `WEBVTT\n\n00:01.000 --> 00:02.000\n${'<b>'.repeat(100_000)}\n` },
  },
  {
    name: '.vtt: 1 MB of cues',
    text: VALID,
    files: { subtitles: 'WEBVTT\n\n' + '00:01.000 --> 00:02.000\nHei\n\n'.repeat(30_000) },
  },
];

/** Loads each known shape three times (through the same checks as the random cases) and prints the median. */
async function measureKnownShapes(
  check: (text: string, files: CaseFiles) => Promise<void>,
  times: number[],
): Promise<void> {
  console.log('known hostile shapes (median of 3 loads; ratio to the valid course):');
  let baseline = 0;
  for (const shape of KNOWN_SHAPES) {
    const runs: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      times.length = 0;
      await check(shape.text, { ...DEFAULT_FILES, ...shape.files });
      runs.push(times[0] ?? 0);
    }
    const ms = median(runs);
    baseline ||= ms;
    console.log(`  ${shape.name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms  ×${(ms / baseline).toFixed(0)}`);
  }
}

/** Whether an issue says where it is: a line, or a whole file where that is all there is to say. */
function hasPosition(issue: CourseIssue): boolean {
  return issue.line !== undefined || WHOLE_FILE_CODES.has(issue.code);
}

void main();
