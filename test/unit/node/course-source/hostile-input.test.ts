import { execFileSync } from 'node:child_process';
import { realpath, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCourseFolder } from '../../../../src/node/course-source/load-course-folder';
import { openInside, readInside, toolPathFor } from '../../../../src/node/course-source/open-inside';
import { MINIMAL_YAML, load, makeCourse, messagesFor, pngImage, removeCourses } from './course-fixture';

// Each case was a way to make the loader (and so `plenum pack`) run for minutes, exhaust memory or pack a
// file from outside the course folder. Every one must end in an issue at a position, having read little.

afterAll(removeCourses);

/** MINIMAL_YAML with extra lines for its one chapter (indented four spaces); its fields start on line 10. */
function withChapterFields(...lines: string[]): string {
  return MINIMAL_YAML + lines.map((line) => `    ${line}\n`).join('');
}

describe('expansion is bounded', () => {
  test('10,000 aliases to one long text are refused at the first alias, without expanding them', async () => {
    const long = 'x'.repeat(100_000);
    const prompts = Array.from({ length: 10_000 }, () => '  - *big');
    const yaml = withChapterFields(`summary: &big ${long}`, 'prompts:', ...prompts);
    const probe = jest.fn(async () => 120);
    const result = await loadCourseFolder(await makeCourse({ 'course.yaml': yaml }), {
      probeFilmDuration: probe,
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({ code: 'too-many-aliases', file: 'course.yaml', line: 12, col: 9 }),
    ]);
    expect(probe).not.toHaveBeenCalled();
  });

  test('nested aliases ("billion laughs") are refused by their expanded count, not their written count', async () => {
    const levels = ['a: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = `*a${level - 1}`;
      levels.push(`a${level}: &a${level} [${Array(10).fill(previous).join(', ')}]`);
    }
    // Only 80 aliases are written, but they stand for 10^8 copies.
    const yaml = `${MINIMAL_YAML}${levels.join('\n')}\n`;
    const { errors } = await messagesFor({ 'course.yaml': yaml });
    expect(errors).toEqual([
      'course.yaml:11:10: uses YAML aliases (*name) that expand to more than 100 copies; write the text out or use fewer aliases',
    ]);
  });

  test('the yaml package never writes to the terminal itself (a list as a key, with an alias)', async () => {
    const emitted = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const { errors } = await messagesFor({ 'course.yaml': `${MINIMAL_YAML}x: &k 1\n? [a, b]\n: *k\n` });
      expect(errors).toEqual([]);
      expect(emitted).not.toHaveBeenCalled();
    } finally {
      emitted.mockRestore();
    }
  });

  test('a few aliases, as an author may use them, are fine', async () => {
    const yaml = withChapterFields('summary: &s Same text', 'prompts: [*s, *s]');
    const result = await load(await makeCourse({ 'course.yaml': yaml }));
    if (result.ok) await result.film.close();
    expect(result.ok && result.manifest.chapters[0]?.prompts).toEqual(['Same text', 'Same text']);
  });

  test('a course.yaml over 256 KiB is refused before it is parsed', async () => {
    const yaml = `${MINIMAL_YAML}# ${'padding '.repeat(140_000)}\n`;
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml: "course.yaml" is larger than the 256 KiB such a file may be',
    ]);
  });

  test('2,000 prompts naming one 5 MB Markdown file: refused at the first, by the per-file limit', async () => {
    const prompts = Array.from({ length: 2000 }, () => '  - big.md');
    const { errors } = await messagesFor({
      'course.yaml': withChapterFields('prompts:', ...prompts),
      'big.md': 'word '.repeat(1_000_000),
    });
    expect(errors.length).toBe(2000);
    expect(errors[0]).toBe(
      'course.yaml:11:9 chapters[0].prompts[0]: "big.md" is larger than the 1 MiB such a file may be',
    );
  });

  test('a Markdown file within its own limit but named 2,000 times passes the total once, and reading stops', async () => {
    const prompts = Array.from({ length: 2000 }, () => '  - page.md');
    const page = 'ord '.repeat(50_000); // 200,000 characters: the most one text may have
    const { errors } = await messagesFor({
      'course.yaml': withChapterFields('prompts:', ...prompts),
      'page.md': page,
    });
    // The tenth copy (with the rest of the course) passes 2,000,000 characters; one error says so and
    // nothing more is read.
    expect(errors).toEqual([
      "course.yaml:20:9 chapters[0].prompts[9]: the course's text passes 2000000 characters in all (each Markdown file counts every time it is named)",
    ]);
  });

  test('a title of 20,000 characters is refused where it is written, naming the limit', async () => {
    const yaml = MINIMAL_YAML.replace('title: Demo', `title: ${'T'.repeat(20_000)}`);
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:2:8 title: is 20000 characters long; at most 500 are allowed here',
    ]);
  });

  test('an id and a language, which go into the public header too, have limits of their own', async () => {
    const yaml = MINIMAL_YAML.replace('id: demo', `id: ${'a'.repeat(101)}`).replace(
      'language: nb',
      `language: nb-${Array(9).fill('abcdefgh').join('-')}`,
    );
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:1:5 id: is 101 characters long; at most 100 are allowed here',
      'course.yaml:3:11 language: is 83 characters long; at most 35 are allowed here',
    ]);
  });

  test('a long Markdown text is allowed far beyond a one-line field', async () => {
    const summary = 'Lang tekst. '.repeat(10_000);
    const result = await load(await makeCourse({ 'course.yaml': withChapterFields(`summary: ${summary}`) }));
    if (result.ok) await result.film.close();
    expect(result.ok && result.manifest.chapters[0]?.summary).toBe(summary.trim());
  });
});

test('15,000 keys (yaml would compare them pairwise, about 5 s) are read in one pass, and a key given twice is still found', async () => {
  const keys = Array.from({ length: 15_000 }, (_, index) => `k${index}: v`).join('\n');
  const { errors, warnings } = await messagesFor({ 'course.yaml': `${MINIMAL_YAML}${keys}\nk7: again\n` });
  expect(errors).toEqual(['course.yaml:15010:1: "k7" is given twice']);
  expect(warnings).toEqual([]);
});

test('lists nested hundreds deep are refused once, in words', async () => {
  const yaml = MINIMAL_YAML.replace('title: Demo', `title: ${'['.repeat(2000)}`);
  const { errors } = await messagesFor({ 'course.yaml': yaml });
  expect(errors).toEqual([
    expect.stringMatching(/^course\.yaml:2:\d+: lists and mappings are nested too deep here/),
  ]);
});

test('a Markdown file showing 10,000 pictures is checked once per picture name, each issue at its line', async () => {
  const lines = Array.from({ length: 10_000 }, (_, index) =>
    index % 2 ? '![a](a.png)' : '![b](nowhere.png)',
  );
  const yaml = MINIMAL_YAML.replace('language: nb', 'language: nb\nbackground: b.md');
  const { errors } = await messagesFor({
    'course.yaml': yaml,
    'b.md': lines.join('\n'),
    'a.png': pngImage(),
  });
  expect(errors.length).toBe(5000);
  expect(errors.at(-1)).toBe('b.md:9999:6 background: "nowhere.png" does not exist');
});

describe('times', () => {
  test('1e308 seconds is named as written, not as "Infinity:NaN"', async () => {
    const yaml = MINIMAL_YAML.replace('end: "00:50"', 'end: 1e308');
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:9:10 chapters[0].end: "1e308" is later than 24:00:00, the latest time a course may name',
    ]);
  });

  test('a huge "hh:mm:ss" is refused the same way', async () => {
    const yaml = MINIMAL_YAML.replace('start: "00:10"', 'start: "99999999999999999999:00:00"');
    expect((await messagesFor({ 'course.yaml': yaml })).errors).toEqual([
      'course.yaml:8:12 chapters[0].start: "99999999999999999999:00:00" is later than 24:00:00, the latest time a course may name',
    ]);
  });
});

/** A small real PNG whose header claims another size (the CRC no longer matches; readers of sizes do not care). */
function pngClaiming(width: number, height: number): Buffer {
  const png = pngImage();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

describe('files are checked by what they hold', () => {
  const withPicture = (name: string) => withChapterFields(`summary: "![x](${name})"`);

  test('a picture whose bytes are not what its name says is refused', async () => {
    const { errors } = await messagesFor({
      'course.yaml': withChapterFields('summary: "![a](a.png) ![b](b.jpg) ![c](c.svg) ![d](d.webp)"'),
      'a.png': 'png',
      'b.jpg': pngImage(),
      'c.svg': '<html><body>not svg</body></html>',
      'd.webp': Buffer.alloc(100),
    });
    expect(errors).toEqual([
      'course.yaml:10:14 chapters[0].summary: "a.png" is not a PNG picture, whatever its name says',
      'course.yaml:10:14 chapters[0].summary: "b.jpg" is not a JPG picture, whatever its name says',
      'course.yaml:10:14 chapters[0].summary: "c.svg" is not a SVG picture, whatever its name says',
      'course.yaml:10:14 chapters[0].summary: "d.webp" is not a WEBP picture, whatever its name says',
    ]);
  });

  test('an SVG doctype may hold an internal subset; one of 64,000 spaces is refused in one pass (it took 7 s)', async () => {
    const { errors } = await messagesFor({
      'course.yaml': withChapterFields('summary: "![a](a.svg) ![b](b.svg)"'),
      'a.svg': '<!DOCTYPE svg [ <!ENTITY x "y"> ]>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      'b.svg': `<!DOCTYPE${' '.repeat(64_000)}`,
    });
    expect(errors).toEqual([
      'course.yaml:10:14 chapters[0].summary: "b.svg" is not a SVG picture, whatever its name says',
    ]);
  });

  test('a 300 MB "png" of zeros is refused by its size, without reading it', async () => {
    const folder = await makeCourse({ 'course.yaml': withPicture('zeros.png') });
    // Sparse: the file claims 300 MB but takes no disk space.
    await writeFile(path.join(folder, 'zeros.png'), '');
    await truncate(path.join(folder, 'zeros.png'), 300 * 1024 * 1024);
    const result = await load(folder);
    expect(result.ok ? [] : result.errors.map((issue) => [issue.code, issue.params])).toEqual([
      ['file-too-large', { value: 'zeros.png', limit: '20 MiB' }],
    ]);
  });

  test('a picture that would decode to more than 64 megapixels is refused, naming its size', async () => {
    const { errors } = await messagesFor({
      'course.yaml': withPicture('huge.png'),
      'huge.png': pngClaiming(10_000, 10_000),
    });
    expect(errors).toEqual([
      'course.yaml:10:14 chapters[0].summary: "huge.png" is 10000 × 10000 pixels; at most 64 megapixels are allowed',
    ]);
  });

  test('real pictures of every format pass, an SVG with a prolog included', async () => {
    const tools = execFileSync('node', ['-p', 'require("@ffmpeg-installer/ffmpeg").path']).toString().trim();
    const encode = (format: string): Buffer =>
      execFileSync(tools, [
        ...['-v', 'error', '-f', 'lavfi', '-i', 'color=c=red:s=4x4', '-frames:v', '1'],
        ...['-f', 'image2pipe', '-c:v', format, 'pipe:1'],
      ]);
    const result = await load(
      await makeCourse({
        'course.yaml': withChapterFields(
          'summary: "![a](a.png) ![b](b.jpeg) ![c](c.svg) ![d](d.webp) ![e](e.gif)"',
        ),
        'a.png': pngImage(3, 2),
        'b.jpeg': encode('mjpeg'),
        'c.svg':
          '\uFEFF<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
        'd.webp': encode('libwebp'),
        'e.gif': encode('gif'),
      }),
    );
    if (result.ok) await result.film.close();
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.assets.map((asset) => asset.entry)).toEqual([
      'a.png',
      'b.jpeg',
      'c.svg',
      'd.webp',
      'e.gif',
    ]);
  });

  const subtitled = `${MINIMAL_YAML}subtitles:\n  - { language: nb, label: Norsk, file: nb.vtt }\n`;

  test('a subtitle with a broken cue timing is refused at its line and column', async () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n\n00:03.000 --> 00:0x.000\nHo\n';
    expect((await messagesFor({ 'course.yaml': subtitled, 'nb.vtt': vtt })).errors).toEqual([
      'nb.vtt:6:19 subtitles[0].file: WebVTT error: Must be exactly two digits.',
    ]);
  });

  test('cues out of order are an error; a missing end tag is only a warning; header lines are fine', async () => {
    const disorder = 'WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA\n';
    expect((await messagesFor({ 'course.yaml': subtitled, 'nb.vtt': disorder })).errors).toEqual([
      expect.stringMatching(
        /^nb\.vtt:6:\d+ subtitles\[0\]\.file: WebVTT error: Start timestamp is not greater/,
      ),
    ]);
    const loose = 'WEBVTT\nKind: captions\nLanguage: nb\n\n00:01.000 --> 00:02.000\n<i>Hei\n';
    const { errors, warnings } = await messagesFor({ 'course.yaml': subtitled, 'nb.vtt': loose });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^nb\.vtt:7:\d+ subtitles\[0\]\.file: WebVTT warning: Required end tag missing\.$/,
      ),
    ]);
  });

  test("a cue nesting 100,000 tags is refused in words, not with the parser's stack overflow", async () => {
    const vtt = `WEBVTT\n\n00:01.000 --> 00:02.000\n${'<b>'.repeat(100_000)}\n`;
    expect((await messagesFor({ 'course.yaml': subtitled, 'nb.vtt': vtt })).errors).toEqual([
      'nb.vtt subtitles[0].file: "nb.vtt" nests tags (<b>, <i>, …) thousands deep, more than the WebVTT check can follow',
    ]);
  });

  test('a subtitle that is not UTF-8 is refused at the first bad byte', async () => {
    const vtt = Buffer.concat([
      Buffer.from('WEBVTT\n\n00:01.000 --> 00:02.000\nBl'),
      Buffer.from([0xe5]),
      Buffer.from('b\n'),
    ]);
    expect((await messagesFor({ 'course.yaml': subtitled, 'nb.vtt': vtt })).errors).toEqual([
      'nb.vtt:4:3 subtitles[0].file: "nb.vtt" is not UTF-8 text (save it as UTF-8)',
    ]);
  });

  test('/etc/passwd is not WebVTT, and a symlink to it is refused before it is read', async () => {
    const folder = await makeCourse({ 'course.yaml': subtitled });
    await symlink('/etc/passwd', path.join(folder, 'nb.vtt'));
    const result = await load(folder);
    expect(result.ok ? [] : result.errors.map((issue) => issue.code)).toEqual(['path-outside']);
  });

  test('a FIFO named as a subtitle, as the film or as course.yaml is refused without blocking', async () => {
    const folder = await makeCourse({ 'course.yaml': subtitled });
    execFileSync('mkfifo', [path.join(folder, 'nb.vtt')]);
    const result = await load(folder);
    expect(result.ok ? [] : result.errors.map((issue) => issue.code)).toEqual(['not-a-file']);

    const filmFolder = await makeCourse({ 'course.yaml': MINIMAL_YAML });
    await rm(path.join(filmFolder, 'film.mp4'));
    execFileSync('mkfifo', [path.join(filmFolder, 'film.mp4')]);
    const probe = jest.fn(async () => 120);
    const filmResult = await loadCourseFolder(filmFolder, { probeFilmDuration: probe });
    expect(filmResult.ok ? [] : filmResult.errors.map((issue) => issue.code)).toEqual(['not-a-file']);
    expect(probe).not.toHaveBeenCalled();

    const yamlFolder = await makeCourse({});
    execFileSync('mkfifo', [path.join(yamlFolder, 'course.yaml')]);
    const yamlResult = await load(yamlFolder);
    expect(yamlResult.ok ? [] : yamlResult.errors.map((issue) => issue.code)).toEqual(['not-a-file']);
  });
});

describe('openInside reads the file it checked', () => {
  test('a handle keeps reading the checked file after its name is swapped for a symlink out of the folder', async () => {
    const folder = await makeCourse({ 'nb.vtt': 'WEBVTT\n\noriginal\n' });
    const opened = await openInside(folder, 'nb.vtt');
    if (!opened.ok) throw new Error(opened.problem);
    try {
      await rename(path.join(folder, 'nb.vtt'), path.join(folder, 'kept.vtt'));
      await symlink('/etc/passwd', path.join(folder, 'nb.vtt'));
      const data = Buffer.alloc(64);
      const { bytesRead } = await opened.handle.read(data, 0, 64, 0);
      expect(data.subarray(0, bytesRead).toString()).toBe('WEBVTT\n\noriginal\n');
    } finally {
      await opened.handle.close();
    }
    // Opened again now, the name is a symlink out of the folder and is refused.
    expect(await readInside(folder, 'nb.vtt', 1024)).toEqual(
      expect.objectContaining({ ok: false, problem: 'path-outside' }),
    );
  });

  test('without /proc (as on macOS) the opened file is checked by resolving again and comparing inodes', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    try {
      const folder = await makeCourse({ 'nb.vtt': 'WEBVTT\n' });
      const opened = await openInside(folder, 'nb.vtt');
      if (!opened.ok) throw new Error(opened.problem);
      await opened.handle.close();
      expect(toolPathFor(opened)).toBe(path.join(await realpath(folder), 'nb.vtt'));
      expect(await readInside(folder, 'nb.vtt', 100)).toEqual(
        expect.objectContaining({ ok: true, data: Buffer.from('WEBVTT\n') }),
      );
      await symlink('/etc/passwd', path.join(folder, 'ut.vtt'));
      expect(await readInside(folder, 'ut.vtt', 100_000)).toEqual(
        expect.objectContaining({ ok: false, problem: 'path-outside' }),
      );
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });

  test('a file over its limit is refused; one at the limit is read whole', async () => {
    const folder = await makeCourse({ 'a.md': 'x'.repeat(100) });
    expect(await readInside(folder, 'a.md', 99)).toEqual(
      expect.objectContaining({ ok: false, problem: 'file-too-large', size: 100 }),
    );
    expect(await readInside(folder, 'a.md', 100)).toEqual(
      expect.objectContaining({ ok: true, data: Buffer.from('x'.repeat(100)) }),
    );
  });
});
