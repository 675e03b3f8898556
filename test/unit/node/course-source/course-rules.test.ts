import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue } from '../../../../src/common/course/course-issue';
import { createTranslator } from '../../../../src/common/i18n/translator';
import { loadCourseFolder } from '../../../../src/node/course-source/load-course-folder';
import { MINIMAL_YAML, makeCourse, messagesFor, removeCourses } from './course-fixture';

// One test per rule of course-format.md ("Rules the packer enforces"), each asserting the exact message an
// author sees, position included. MINIMAL_YAML's chapter ends on line 9, so appended chapter fields start on 10.

afterAll(removeCourses);

const t = createTranslator('en');

/** MINIMAL_YAML with extra lines for its one chapter (indented four spaces). */
function withChapterFields(...lines: string[]): string {
  return MINIMAL_YAML + lines.map((line) => `    ${line}\n`).join('');
}

/** MINIMAL_YAML with one top-level field replaced (or added when `value` is undefined for removal). */
function withTopLevel(key: string, value: string | undefined): string {
  const lines = MINIMAL_YAML.split('\n').filter((line) => !line.startsWith(`${key}:`));
  return [...(value === undefined ? [] : [`${key}: ${value}`]), ...lines].join('\n');
}

describe('the course file itself', () => {
  test('a folder without course.yaml is refused', async () => {
    expect((await messagesFor({})).errors).toEqual(['course.yaml: not found in the course folder']);
  });

  test('YAML syntax errors name the line and column', async () => {
    expect((await messagesFor({ 'course.yaml': 'id: demo\ntitle: [Demo\n' })).errors).toEqual([
      'course.yaml:3:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('a key given twice is an error', async () => {
    expect((await messagesFor({ 'course.yaml': `${MINIMAL_YAML}title: Again\n` })).errors).toEqual([
      'course.yaml:10:1: "title" is given twice',
    ]);
  });

  test('course.yaml holds one document', async () => {
    expect((await messagesFor({ 'course.yaml': `${MINIMAL_YAML}---\nid: other\n` })).errors).toEqual([
      'course.yaml:10:1: holds more than one YAML document (a second "---"); a course is one document',
    ]);
  });

  test('YAML warnings are passed on as warnings', async () => {
    const { errors, warnings } = await messagesFor({
      'course.yaml': `${MINIMAL_YAML}notice: !note Mind the gap\n`,
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['course.yaml:10:9: YAML warning: Unresolved tag: !note']);
  });

  test('the top level must be a mapping', async () => {
    expect((await messagesFor({ 'course.yaml': '- id: demo\n' })).errors).toEqual([
      'course.yaml:1:1: must be a mapping of fields',
    ]);
  });
});

describe('required fields and types', () => {
  test('a missing required field is reported at the mapping that lacks it', async () => {
    expect((await messagesFor({ 'course.yaml': withTopLevel('title', undefined) })).errors).toEqual([
      'course.yaml:1:1 title: required field is missing',
    ]);
  });

  test('a required field written without a value is reported at its key', async () => {
    expect(
      (await messagesFor({ 'course.yaml': withChapterFields().replace('title: One', 'title:') })).errors,
    ).toEqual(['course.yaml:7:5 chapters[0].title: required field is missing']);
  });

  test('unknown fields are warnings, not errors', async () => {
    const { errors, warnings } = await messagesFor({ 'course.yaml': withChapterFields('titel: Typo') });
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['course.yaml:10:5 chapters[0].titel: unknown field "titel" is ignored']);
  });

  test('text fields must be text', async () => {
    expect((await messagesFor({ 'course.yaml': withTopLevel('title', '[a, b]') })).errors).toEqual([
      'course.yaml:1:8 title: must be text',
    ]);
  });

  test('text fields must not be empty', async () => {
    expect((await messagesFor({ 'course.yaml': withTopLevel('title', '"  "') })).errors).toEqual([
      'course.yaml:1:8 title: must not be empty',
    ]);
  });

  test('minutes must be a number', async () => {
    expect((await messagesFor({ 'course.yaml': withChapterFields('minutes: ten') })).errors).toEqual([
      'course.yaml:10:14 chapters[0].minutes: must be a number',
    ]);
  });

  test('minutes must be positive', async () => {
    expect((await messagesFor({ 'course.yaml': withChapterFields('minutes: 0') })).errors).toEqual([
      'course.yaml:10:14 chapters[0].minutes: "0" is not a positive number of minutes',
    ]);
  });

  test('pause must be true or false (YAML 1.2: "yes" is text)', async () => {
    expect((await messagesFor({ 'course.yaml': withChapterFields('pause: yes') })).errors).toEqual([
      'course.yaml:10:12 chapters[0].pause: must be true or false',
    ]);
  });

  test('list fields must be lists', async () => {
    expect((await messagesFor({ 'course.yaml': withChapterFields('prompts: Why?') })).errors).toEqual([
      'course.yaml:10:14 chapters[0].prompts: must be a list',
    ]);
  });

  test('list items with fields must be mappings', async () => {
    expect((await messagesFor({ 'course.yaml': withChapterFields('tips: [Breathe]') })).errors).toEqual([
      'course.yaml:10:12 chapters[0].tips[0]: must be a mapping of fields',
    ]);
  });

  test('there is at least one chapter', async () => {
    const yaml = MINIMAL_YAML.slice(0, MINIMAL_YAML.indexOf('chapters:')) + 'chapters: []\n';
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:5:11 chapters: at least one chapter is required',
    ]);
  });

  test('the language is a BCP 47 tag', async () => {
    expect((await messagesFor({ 'course.yaml': withTopLevel('language', 'norsk') })).errors).toEqual([
      'course.yaml:1:11 language: "norsk" is not a BCP 47 language tag (for example "nb")',
    ]);
  });
});

describe('times and the timeline', () => {
  test('times must parse', async () => {
    const yaml = withChapterFields().replace('end: "00:50"', 'end: "12:5x"');
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:9:10 chapters[0].end: "12:5x" is not a time',
    ]);
  });

  test('a chapter ends after it starts', async () => {
    const yaml = withChapterFields().replace('end: "00:50"', 'end: "00:10"');
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:9:10 chapters[0].end: 00:10 is not after the start (00:10)',
    ]);
  });

  test('chapters are in film order', async () => {
    const yaml = `${MINIMAL_YAML}  - { id: two, title: Two, start: "00:05", end: "00:08" }\n`;
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:10:35 chapters[1].start: starts at 00:05, before chapters[0] (at 00:10); chapters must be in film order',
    ]);
  });

  test('chapters do not overlap (but gaps are allowed)', async () => {
    const yaml = `${MINIMAL_YAML}  - { id: two, title: Two, start: "00:49.5", end: "01:00" }\n  - { id: three, title: Three, start: 70, end: 80 }\n`;
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:10:35 chapters[1].start: starts at 00:49.500, before chapters[0] ends (at 00:50); chapters may not overlap',
    ]);
  });

  test('statements lie inside their chapter', async () => {
    const yaml = withChapterFields('statements:', '  - { start: "00:40", end: "00:55", label: Too long }');
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:11:32 chapters[0].statements[0]: 00:40–00:55 is not inside its chapter (00:10–00:50)',
    ]);
  });

  test('chapters lie within the film', async () => {
    expect((await messagesFor({ 'course.yaml': MINIMAL_YAML }, 48.96)).errors).toEqual([
      'course.yaml:9:10 chapters[0].end: 00:50 is after the end of the film (00:48.960)',
    ]);
  });

  test('an end less than a second past the film is a warning, and is stored as the end of the film', async () => {
    const folder = await makeCourse({ 'course.yaml': MINIMAL_YAML });
    const result = await loadCourseFolder(folder, { probeFilmDuration: async () => 49.96 });
    if (!result.ok) throw new Error('expected the course to load');
    expect(result.warnings.map((issue) => formatIssue(issue, t))).toEqual([
      'course.yaml:9:10 chapters[0].end: 00:50 is after the end of the film (00:49.960); it is taken as the end of the film',
    ]);
    expect(result.manifest.chapters[0]?.end).toBe(49.96);
  });

  test('statements lie within the film', async () => {
    const yaml = withChapterFields('statements:', '  - { start: "00:40", end: "00:50", label: Last words }');
    expect((await messagesFor({ 'course.yaml': yaml }, 45)).errors).toEqual([
      'course.yaml:9:10 chapters[0].end: 00:50 is after the end of the film (00:45)',
      'course.yaml:11:32 chapters[0].statements[0].end: 00:50 is after the end of the film (00:45)',
    ]);
  });

  test('the film must be probed successfully', async () => {
    const folder = await makeCourse({ 'course.yaml': MINIMAL_YAML });
    const result = await loadCourseFolder(folder, {
      probeFilmDuration: () => Promise.reject(new Error('ffprobe exited with code 1')),
    });
    expect(result.ok ? [] : result.errors.map((issue) => formatIssue(issue, t))).toEqual([
      'course.yaml:4:7 film: could not read the duration of "film.mp4" (ffprobe exited with code 1)',
    ]);
  });

  test('the film must have a duration', async () => {
    expect((await messagesFor({ 'course.yaml': MINIMAL_YAML }, 0)).errors).toEqual([
      'course.yaml:4:7 film: "film.mp4" has no duration',
    ]);
  });
});

describe('ids and speakers', () => {
  test('ids are lowercase letters, digits and "-"', async () => {
    expect((await messagesFor({ 'course.yaml': withTopLevel('id', 'Demo_1') })).errors).toEqual([
      `course.yaml:1:5 id: "Demo_1" is not an id (use lowercase letters, digits and '-')`,
    ]);
  });

  test('ids are unique', async () => {
    const yaml = `${MINIMAL_YAML}  - { id: one, title: Again, start: 60, end: 70 }\n`;
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:10:11 chapters[1].id: "one" is already the id of chapters[0]',
    ]);
  });

  test('speakers name a person when people are given', async () => {
    const yaml =
      withChapterFields('quote: { text: Hello, speaker: rune }') + 'people:\n  - { id: kari, name: Kari }\n';
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:10:36 chapters[0].quote.speaker: "rune" is not the id of anyone in people',
    ]);
  });

  test('speakers are free text when no people are given', async () => {
    const yaml = withChapterFields('statements: [{ start: 20, end: 30, speaker: Rune, label: Hi }]');
    expect(await messagesFor({ 'course.yaml': yaml })).toEqual({ errors: [], warnings: [] });
  });

  test('each subtitle language appears once', async () => {
    const yaml = `${MINIMAL_YAML}subtitles:\n  - { language: nb, label: Norsk, file: nb.vtt }\n  - { language: nb, label: Igjen, file: nb.vtt }\n`;
    expect((await messagesFor({ 'course.yaml': yaml, 'nb.vtt': 'WEBVTT\n' })).errors).toEqual([
      'course.yaml:12:17 subtitles[1].language: "nb" already has subtitles in subtitles[0]',
    ]);
  });
});

describe('referenced files', () => {
  test('a referenced file must exist', async () => {
    expect((await messagesFor({ 'course.yaml': `${MINIMAL_YAML}background: bakgrunn.md\n` })).errors).toEqual(
      ['course.yaml:10:13 background: "bakgrunn.md" does not exist'],
    );
  });

  test('absolute paths are refused', async () => {
    expect((await messagesFor({ 'course.yaml': withTopLevel('film', '/srv/film.mp4') })).errors).toEqual([
      'course.yaml:1:7 film: "/srv/film.mp4" is an absolute path; use a path relative to course.yaml',
    ]);
  });

  test('".." escapes are refused', async () => {
    expect((await messagesFor({ 'course.yaml': withTopLevel('film', '../film.mp4') })).errors).toEqual([
      'course.yaml:1:7 film: "../film.mp4" points outside the course folder',
    ]);
  });

  test('symlinks pointing outside the folder are refused', async () => {
    const folder = await makeCourse({ 'course.yaml': withTopLevel('film', 'linked.mp4') });
    await writeFile(path.join(folder, '..', 'secret.mp4'), 'outside');
    await symlink(path.join(folder, '..', 'secret.mp4'), path.join(folder, 'linked.mp4'));
    const result = await loadCourseFolder(folder, { probeFilmDuration: async () => 120 });
    expect(result.ok ? [] : result.errors.map((issue) => formatIssue(issue, t))).toEqual([
      'course.yaml:1:7 film: "linked.mp4" points outside the course folder',
    ]);
  });

  test('a referenced path must be a file, not a folder', async () => {
    const folder = await makeCourse({ 'course.yaml': withTopLevel('film', 'media') });
    await mkdir(path.join(folder, 'media'));
    const result = await loadCourseFolder(folder, { probeFilmDuration: async () => 120 });
    expect(result.ok ? [] : result.errors.map((issue) => formatIssue(issue, t))).toEqual([
      'course.yaml:1:7 film: "media" is not a file',
    ]);
  });

  test('a referenced file must be readable', async () => {
    // A symlink loop fails the same way for every user, unlike permissions (which root ignores).
    const folder = await makeCourse({ 'course.yaml': `${MINIMAL_YAML}background: loop.md\n` });
    await symlink('loop.md', path.join(folder, 'loop.md'));
    const result = await loadCourseFolder(folder, { probeFilmDuration: async () => 120 });
    expect(result.ok ? [] : result.errors.map((issue) => formatIssue(issue, t))).toEqual([
      'course.yaml:10:13 background: "loop.md" could not be read (ELOOP)',
    ]);
  });

  test('subtitles are WebVTT', async () => {
    const yaml = `${MINIMAL_YAML}subtitles:\n  - { language: nb, label: Norsk, file: subs/nb.srt }\n`;
    expect(
      (await messagesFor({ 'course.yaml': yaml, 'subs/nb.srt': '1\n00:00:01,000 --> 00:00:02,000\nHei\n' }))
        .errors,
    ).toEqual([
      'subs/nb.srt:1:1 subtitles[0].file: "subs/nb.srt" is not WebVTT (its first line must start with "WEBVTT")',
    ]);
  });

  test('a first line that only looks like WebVTT is refused, a header with text after a space is not', async () => {
    const yaml = `${MINIMAL_YAML}subtitles:\n  - { language: nb, label: Norsk, file: nb.vtt }\n`;
    expect((await messagesFor({ 'course.yaml': yaml, 'nb.vtt': 'WEBVTTX\n' })).errors).toEqual([
      'nb.vtt:1:1 subtitles[0].file: "nb.vtt" is not WebVTT (its first line must start with "WEBVTT")',
    ]);
    expect((await messagesFor({ 'course.yaml': yaml, 'nb.vtt': '\uFEFFWEBVTT - Norsk\n\n' })).errors).toEqual(
      [],
    );
  });

  test('pictures in Markdown come from the course folder, never from the network', async () => {
    const yaml = `${MINIMAL_YAML}background: bakgrunn.md\n`;
    const markdown = '# Bakgrunn\n\nSe ![kart](https://example.org/kart.png).\n';
    expect((await messagesFor({ 'course.yaml': yaml, 'bakgrunn.md': markdown })).errors).toEqual([
      'bakgrunn.md:3:12 background: "https://example.org/kart.png" is not a picture in the course folder (nothing is ever fetched)',
    ]);
  });

  test('pictures in Markdown must exist', async () => {
    const yaml = withChapterFields('prompts:', '  - "Look: ![x](images/x.png)"');
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:11:9 chapters[0].prompts[0]: "images/x.png" does not exist',
    ]);
  });

  test('pictures in Markdown are in a format the app shows', async () => {
    const yaml = withChapterFields('summary: "![x](images/x.bmp)"');
    expect((await messagesFor({ 'course.yaml': yaml, 'images/x.bmp': 'BM' })).errors).toEqual([
      'course.yaml:10:14 chapters[0].summary: "images/x.bmp" is not a supported picture (use .png, .jpg, .jpeg, .gif, .webp, .svg)',
    ]);
  });

  test('links are https://', async () => {
    const yaml = withChapterFields('links:', '  - { label: Mer, url: "http://example.org" }');
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:11:28 chapters[0].links[0].url: "http://example.org" is not an https:// link',
    ]);
  });
});

describe('collecting', () => {
  test('every error is reported, in the order written, not just the first', async () => {
    const yaml = [
      'id: Demo',
      'title: ""',
      'language: nb',
      'film: film.mp4',
      'chapters:',
      '  - { id: one, title: One, start: "00:10", end: "00:5x" }',
      '  - { id: one, title: Two, start: "01:00", end: "00:30" }',
      '',
    ].join('\n');
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      `course.yaml:1:5 id: "Demo" is not an id (use lowercase letters, digits and '-')`,
      'course.yaml:2:8 title: must not be empty',
      'course.yaml:6:49 chapters[0].end: "00:5x" is not a time',
      'course.yaml:7:11 chapters[1].id: "one" is already the id of chapters[0]',
      'course.yaml:7:49 chapters[1].end: 00:30 is not after the start (01:00)',
    ]);
  });

  test('the film is not probed while other errors remain', async () => {
    const probe = jest.fn(async () => 120);
    const folder = await makeCourse({ 'course.yaml': withTopLevel('title', '""') });
    await loadCourseFolder(folder, { probeFilmDuration: probe });
    expect(probe).not.toHaveBeenCalled();
  });
});
