import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { parseTime } from '../../common/course/time';
import { makeDemoFilm } from './demo-film';
import { packCourse, type PackProgress } from '../packer/pack-course';
import type { ScryptCost } from '../course-file';
import { DEMO_FPS, DEMO_PASSWORD, DEMO_SIZE, scaleDemoTime, type DemoVariant } from './demo-variants';
import { scaleCourseYaml, scaleWebVtt } from './scale-course-source';

/**
 * Bumped whenever the demo film's look, the staging or what the packer puts in a course file changes, so
 * cached demo files are rebuilt: the stamp hashes the sources, not the code. 2: a still per chapter.
 */
const DEMO_GENERATION = 2;

/** The staged film's name: QuickTime, since it carries uncompressed sound. */
const STAGED_FILM = 'film.mov';

/** What building a demo course reports while it works. */
export type DemoProgress =
  { phase: 'film'; seconds: number; totalSeconds: number } | { phase: 'pack'; progress: PackProgress };

/** How to build one demo course file. */
export interface BuildDemoOptions {
  variant: DemoVariant;
  sourceFolder: string;
  outDir: string;
  force?: boolean;
  scrypt?: ScryptCost;
  signal?: AbortSignal;
  onProgress?: (progress: DemoProgress) => void;
  createdBy?: string;
}

/** The built (or cached) demo course file. */
export interface BuiltDemo {
  path: string;
  password: string;
  rebuilt: boolean;
}

/** The demo course file's path for a variant. */
export function demoCoursePath(outDir: string, variant: DemoVariant): string {
  return join(outDir, `hva-er-viktig-for-meg-${variant}.plenum`);
}

/**
 * Builds a demo course file: stages the authored course folder with times scaled for the variant, makes the
 * synthetic film (title cards, timecode, burnt-in frame number, a tone per chapter), and packs both with the
 * real packer. Skipped when a file built from the same sources already exists.
 */
export async function buildDemoCourse(options: BuildDemoOptions): Promise<BuiltDemo> {
  const { variant, sourceFolder, outDir } = options;
  const target = demoCoursePath(outDir, variant);
  const stampPath = `${target}.stamp`;
  const sources = await listFiles(sourceFolder);
  const stamp = await stampOf(sourceFolder, sources, variant);
  if (!options.force && existsSync(target) && (await readFile(stampPath, 'utf8').catch(() => '')) === stamp) {
    return { path: target, password: DEMO_PASSWORD, rebuilt: false };
  }

  const stage = join(outDir, `${variant}-course`);
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  for (const file of sources) {
    if (file === 'film.mp4') continue;
    const text = await readFile(join(sourceFolder, file));
    const staged =
      file === 'course.yaml'
        ? scaleCourseYaml(text.toString('utf8'), variant)
        : file.endsWith('.vtt')
          ? scaleWebVtt(text.toString('utf8'), variant)
          : text;
    await mkdir(dirname(join(stage, file)), { recursive: true });
    await writeFile(join(stage, file), staged);
  }

  // The synthetic film is made with uncompressed sound in QuickTime (see DemoFilmOptions.sound), so the
  // staged course names it film.mov; the author's course.yaml is left as written.
  const stagedYaml = parseDocument(await readFile(join(stage, 'course.yaml'), 'utf8'));
  stagedYaml.set('film', STAGED_FILM);
  await writeFile(join(stage, 'course.yaml'), stagedYaml.toString());
  const course = stagedYaml.toJS() as {
    film: string;
    chapters: { title: string; start: unknown; end: unknown }[];
  };
  const chapters = course.chapters.map((chapter) => ({
    title: chapter.title,
    start: parseTime(chapter.start) ?? 0,
    end: parseTime(chapter.end) ?? 0,
  }));
  const durationSeconds = Math.max(...chapters.map((chapter) => chapter.end));
  await makeDemoFilm({
    out: join(stage, course.film),
    chapters,
    durationSeconds,
    width: DEMO_SIZE.width,
    height: DEMO_SIZE.height,
    fps: DEMO_FPS,
    sound: 'pcm',
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (seconds: number) =>
      options.onProgress?.({ phase: 'film', seconds, totalSeconds: durationSeconds }),
  });

  await packCourse({
    folder: stage,
    out: target,
    passwords: [DEMO_PASSWORD],
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.createdBy ? { createdBy: options.createdBy } : {}),
    onProgress: (progress) => options.onProgress?.({ phase: 'pack', progress }),
  });
  // The staged film is synthetic and ours, but it is no use once packed: keep out/ small.
  await rm(join(stage, course.film), { force: true });
  await writeFile(stampPath, stamp);
  return { path: target, password: DEMO_PASSWORD, rebuilt: true };
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(root, path)));
    else if (entry.isFile()) found.push(relative(root, path).split('\\').join('/'));
  }
  return found.sort();
}

async function stampOf(root: string, files: readonly string[], variant: DemoVariant): Promise<string> {
  const hash = createHash('sha256').update(
    `generation ${DEMO_GENERATION} ${variant} ${scaleDemoTime(1, variant)}\n`,
  );
  for (const file of files) {
    if (file === 'film.mp4') continue;
    hash.update(`${file}\n`).update(await readFile(join(root, file)));
  }
  return hash.digest('hex');
}
