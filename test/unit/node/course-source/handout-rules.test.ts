import { courseManifestSchema } from '../../../../src/common/course/manifest';
import { MINIMAL_YAML, load, makeCourse, messagesFor, removeCourses } from './course-fixture';

// The rules of course-format.md's `handout` section, each with the exact message an author sees. MINIMAL_YAML
// has nine lines, so an appended `handout:` is on line 10 and its first list item on line 12.

afterAll(removeCourses);

/** MINIMAL_YAML with a `handout:` section made of the given lines (indented two spaces). */
function withHandout(...lines: string[]): string {
  return `${MINIMAL_YAML}handout:\n${lines.map((line) => `  ${line}\n`).join('')}`;
}

/** Loads a course and returns its manifest's handout, failing the test when the course does not load. */
async function handoutOf(yaml: string, files: Record<string, string> = {}): Promise<unknown> {
  const result = await load(await makeCourse({ 'course.yaml': yaml, ...files }));
  if (!result.ok) {
    throw new Error(`course did not load: ${JSON.stringify(result.errors)}`);
  }
  await result.film.close();
  return result.manifest.handout;
}

describe('the handout section', () => {
  test('a course without it still loads, with no handout in the manifest', async () => {
    const result = await load(await makeCourse({ 'course.yaml': MINIMAL_YAML }));
    if (result.ok) await result.film.close();
    expect(result.ok).toBe(true);
    expect(result.ok && 'handout' in result.manifest).toBe(false);
  });

  test('facts, tasks and themes are carried into the manifest in order, Markdown files read', async () => {
    const handout = await handoutOf(
      withHandout(
        'facts:',
        '  - { label: Alder, value: 50 år }',
        '  - { label: Bolig, value: bolig.md }',
        'before:',
        '  - Les om **Rune**.',
        'after:',
        '  - Skriv en individuell plan.',
        '  - Skriv et refleksjonsnotat.',
        'themes:',
        '  - Brukermedvirkning',
      ),
      { 'bolig.md': 'Kommunal leilighet.\n' },
    );
    expect(handout).toEqual({
      facts: [
        { label: 'Alder', value: '50 år' },
        { label: 'Bolig', value: 'Kommunal leilighet.\n' },
      ],
      before: ['Les om **Rune**.'],
      after: ['Skriv en individuell plan.', 'Skriv et refleksjonsnotat.'],
      themes: ['Brukermedvirkning'],
    });
  });

  test('every list may be left out; an absent list is empty', async () => {
    expect(await handoutOf(withHandout('themes:', '  - Struktur'))).toEqual({
      facts: [],
      before: [],
      after: [],
      themes: ['Struktur'],
    });
  });

  test('an older manifest without a handout still validates', () => {
    const manifest = {
      manifestVersion: 1,
      id: 'demo',
      title: 'Demo',
      language: 'nb',
      people: [],
      subtitles: [],
      film: { entry: 'media/index.m3u8', duration: 60 },
      chapters: [
        {
          id: 'one',
          title: 'One',
          start: 0,
          end: 10,
          pause: true,
          statements: [],
          prompts: [],
          tips: [],
          solutions: [],
          links: [],
        },
      ],
    };
    expect(courseManifestSchema.safeParse(manifest).success).toBe(true);
    expect(courseManifestSchema.safeParse({ ...manifest, handout: { facts: [] } }).success).toBe(false);
  });

  test('the section must be a mapping', async () => {
    expect((await messagesFor({ 'course.yaml': `${MINIMAL_YAML}handout: [a, b]\n` })).errors).toEqual([
      'course.yaml:10:10 handout: must be a mapping of fields',
    ]);
  });

  test('a fact needs a label and a value', async () => {
    expect(
      (await messagesFor({ 'course.yaml': withHandout('facts:', '  - { label: Alder }') })).errors,
    ).toEqual(['course.yaml:12:7 handout.facts[0].value: required field is missing']);
    expect(
      (await messagesFor({ 'course.yaml': withHandout('facts:', '  - { value: "50" }') })).errors,
    ).toEqual(['course.yaml:12:7 handout.facts[0].label: required field is missing']);
  });

  test('a label is one line of text at most 500 characters', async () => {
    const long = 'x'.repeat(501);
    expect(
      (await messagesFor({ 'course.yaml': withHandout('facts:', `  - { label: ${long}, value: v }`) }))
        .errors,
    ).toEqual([
      'course.yaml:12:16 handout.facts[0].label: is 501 characters long; at most 500 are allowed here',
    ]);
    expect(
      (await messagesFor({ 'course.yaml': withHandout('facts:', '  - { label: 50, value: v }') })).errors,
    ).toEqual(['course.yaml:12:16 handout.facts[0].label: must be text']);
  });

  test('two facts with one label are an error naming the first', async () => {
    expect(
      (
        await messagesFor({
          'course.yaml': withHandout(
            'facts:',
            '  - { label: Alder, value: "50" }',
            '  - { label: Alder , value: "51" }',
          ),
        })
      ).errors,
    ).toEqual(['course.yaml:13:16 handout.facts[1].label: "Alder" is already the label of handout.facts[0]']);
  });

  test('tasks and themes are lists of non-empty Markdown', async () => {
    expect((await messagesFor({ 'course.yaml': withHandout('before: Les heftet') })).errors).toEqual([
      'course.yaml:11:11 handout.before: must be a list',
    ]);
    expect((await messagesFor({ 'course.yaml': withHandout('after:', '  - "  "') })).errors).toEqual([
      'course.yaml:12:7 handout.after[0]: must not be empty',
    ]);
    expect((await messagesFor({ 'course.yaml': withHandout('themes:', '  - missing.md') })).errors).toEqual([
      'course.yaml:12:7 handout.themes[0]: "missing.md" does not exist',
    ]);
  });

  test('an unknown field in the section is only a warning', async () => {
    const { errors, warnings } = await messagesFor({ 'course.yaml': withHandout('tema:', '  - Struktur') });
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['course.yaml:11:3 handout.tema: unknown field "tema" is ignored']);
  });
});
