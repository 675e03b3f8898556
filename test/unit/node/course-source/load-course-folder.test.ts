import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { loadCourseFolder } from '../../../../src/node/course-source/load-course-folder';
import { load, makeCourse, pngImage, removeCourses } from './course-fixture';

afterAll(removeCourses);

const COURSE_YAML = `id: demo-course
title: Demo
language: nb
film: film.mp4
notice: >-
  Contains scenes
  of sleep.
people:
  - id: rune
    name: Rune
    role: User
    about: rune.md
background: texts/background.md
subtitles:
  - { language: nb, label: Norsk, file: subs/nb.vtt }
chapters:
  - id: sleep
    title: Sleep
    start: "00:10"
    end: "01:00.250"
    minutes: 10
    summary: "Rune *sleeps*. ![bed](./images/bed.png)"
    statements:
      - { start: 20, end: "00:30", speaker: rune, label: I sleep }
    prompts:
      - What helps?
    tips:
      - { title: Listen, body: Let them talk. }
    solutions: [Routines]
    quote: { text: Sleep is good, speaker: rune }
    links:
      - { label: More, url: "https://example.org/sleep" }
  - id: work
    title: Work
    start: "1:30"
    end: 110
    pause: false
`;

const FILES = {
  'course.yaml': COURSE_YAML,
  'rune.md': 'Rune is *tired*.\n',
  'texts/background.md': '\uFEFFSee ![map](../images/map.png) and ![bed][b].\n\n[b]: ../images/bed.png\n',
  'images/bed.png': pngImage(2, 1),
  'images/map.png': pngImage(1, 2),
  'images/unused.png': 'not even a picture, but never named',
  'subs/nb.vtt': 'WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n',
};

describe('loadCourseFolder', () => {
  test('a valid folder yields the normalised manifest, the film and every asset', async () => {
    const folder = await makeCourse(FILES);
    const real = await realpath(folder);
    const result = await load(folder, 118.4);
    if (result.ok) await result.film.close();
    expect(result).toEqual({
      ok: true,
      film: {
        path: expect.stringMatching(/^\/proc\/\d+\/fd\/\d+$/),
        realPath: path.join(real, 'film.mp4'),
        close: expect.any(Function),
      },
      warnings: [],
      // Read once, when checked; the packer packs these bytes, not whatever the paths hold later.
      assets: [
        { entry: 'images/map.png', data: pngImage(1, 2) },
        { entry: 'images/bed.png', data: pngImage(2, 1) },
        { entry: 'subs/nb.vtt', data: Buffer.from(FILES['subs/nb.vtt']) },
      ],
      manifest: {
        manifestVersion: 1,
        id: 'demo-course',
        title: 'Demo',
        language: 'nb',
        notice: 'Contains scenes of sleep.',
        people: [{ id: 'rune', name: 'Rune', role: 'User', about: 'Rune is *tired*.\n' }],
        // Destinations are rewritten to entry names, which the app looks pictures up by.
        background: 'See ![map](images/map.png) and ![bed][b].\n\n[b]: images/bed.png\n',
        subtitles: [{ language: 'nb', label: 'Norsk', entry: 'subs/nb.vtt' }],
        film: { entry: 'media/index.m3u8', duration: 118.4 },
        chapters: [
          {
            id: 'sleep',
            title: 'Sleep',
            start: 10,
            end: 60.25,
            pause: true,
            minutes: 10,
            summary: 'Rune *sleeps*. ![bed](images/bed.png)',
            statements: [{ start: 20, end: 30, speaker: 'rune', label: 'I sleep' }],
            prompts: ['What helps?'],
            tips: [{ title: 'Listen', body: 'Let them talk.' }],
            solutions: ['Routines'],
            quote: { text: 'Sleep is good', speaker: 'rune' },
            links: [{ label: 'More', url: 'https://example.org/sleep' }],
          },
          {
            id: 'work',
            title: 'Work',
            start: 90,
            end: 110,
            pause: false,
            statements: [],
            prompts: [],
            tips: [],
            solutions: [],
            links: [],
          },
        ],
      },
    });
  });

  test('the film is probed once, through the handle the loader opened (its /proc entry names the real file)', async () => {
    const folder = await makeCourse(FILES);
    const seen: string[] = [];
    const probe = jest.fn(async (toolPath: string) => {
      seen.push(await realpath(toolPath));
      return 120;
    });
    const result = await loadCourseFolder(folder, { probeFilmDuration: probe });
    if (result.ok) await result.film.close();
    expect(probe).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([path.join(await realpath(folder), 'film.mp4')]);
  });

  test('nothing is written to the folder, whether the course is valid or not', async () => {
    const valid = await makeCourse(FILES);
    const invalid = await makeCourse({
      ...FILES,
      'course.yaml': COURSE_YAML.replace('end: 110', 'end: 1x0'),
    });
    for (const folder of [valid, invalid]) {
      const parent = path.dirname(folder);
      const before = await snapshot(parent);
      await load(folder);
      expect(await snapshot(parent)).toEqual(before);
    }
  });
});

/** Every file and folder under `dir` with its size, mode, modification time and contents. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const full = path.join(dir, name);
    const info = await lstat(full);
    const content = info.isFile() ? await readFile(full, 'base64') : '';
    entries[name] = `${info.size} ${info.mode} ${info.mtimeMs} ${content}`;
  }
  return entries;
}
