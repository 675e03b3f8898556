import type { CourseIssue } from '../../common/course/course-issue';
import { FILM_ENTRY, type CourseManifest } from '../../common/course/manifest';
import { CourseFileError, CourseFileWriter, type ScryptCost, type WrittenCourseFile } from '../course-file';
import { loadCourseFolder, type LoadCourseResult } from '../course-source/load-course-folder';
import { planCutTimes } from '../transcoder/cut-times';
import { buildMediaPlaylist } from '../transcoder/hls-playlist';
import { MediaError } from '../transcoder/media-error';
import { probeMedia, type MediaInfo } from '../transcoder/probe-media';
import { transcodeFilm } from '../transcoder/transcode-film';
import { addChapterStills } from './chapter-stills';
import { PackError } from './pack-problem';

/** The entry that holds the normalised course (course.yaml as JSON, Markdown texts included). */
export const MANIFEST_ENTRY = 'manifest.json';
/** The film's init segment and the name of its n-th media segment inside the course file. */
export const INIT_ENTRY = 'media/init.mp4';
/** The name of the n-th (from 0) media segment inside the course file. */
export function segmentEntry(index: number): string {
  return `media/seg-${String(index).padStart(5, '0')}.m4s`;
}

/** What the packer reports while it works. */
export type PackProgress =
  | { phase: 'validated'; warnings: readonly CourseIssue[] }
  | { phase: 'transcoding'; seconds: number; totalSeconds: number }
  | { phase: 'stills'; done: number; total: number }
  | { phase: 'finishing' };

/** How to pack a course folder into a course file. */
export interface PackOptions {
  folder: string;
  out: string;
  passwords: readonly string[];
  scrypt?: ScryptCost;
  chunkSize?: number;
  maxHeight?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PackProgress) => void;
  createdBy?: string;
}

/** What a successful pack produced. */
export interface PackResult {
  file: WrittenCourseFile;
  manifest: CourseManifest;
  warnings: readonly CourseIssue[];
  segments: number;
}

/**
 * The most passwords one pack writes: each is a key slot of about 270 bytes in the 16 KiB header, which also
 * holds the course's id, title and language (bounded by COURSE_LIMITS so that all of it always fits).
 */
export const MAX_PASSWORDS = 32;

/** ffmpeg puts a forced keyframe on the nearest frame; allow up to one frame at 24 fps either way. */
const CUT_TOLERANCE_SECONDS = 1 / 24;

/**
 * Packs a course folder: validates course.yaml against the film's real duration (writing nothing if anything
 * is wrong), transcodes the film to fMP4 segments cut at every chapter boundary, takes a JPEG still of every
 * chapter, and streams everything into an encrypted course file. Nothing decoded touches the disk: ffmpeg's
 * output goes through a pipe straight into the writer. On failure or abort the partial file is removed.
 */
export async function packCourse(options: PackOptions): Promise<PackResult> {
  // Checked first: each password is a key slot in the 16 KiB header, and the header is written last.
  if (options.passwords.length > MAX_PASSWORDS)
    throw new PackError({
      kind: 'too-many-passwords',
      count: options.passwords.length,
      limit: MAX_PASSWORDS,
    });
  let source: MediaInfo | undefined;
  let probeFailure: MediaError | undefined;
  const loaded = await loadCourseFolder(options.folder, {
    probeFilmDuration: async (path) => {
      source = await probeMedia(path, options.signal).catch((error: unknown) => {
        if (error instanceof MediaError) probeFailure = error;
        throw error;
      });
      return source.durationSeconds;
    },
  }).catch(rethrowMedia);
  // The loader would quote ffprobe's English reason inside its own sentence: say it all in one language.
  if (!loaded.ok && probeFailure !== undefined) rethrowMedia(probeFailure);
  if (!loaded.ok)
    throw new PackError({ kind: 'invalid-course', errors: loaded.errors, warnings: loaded.warnings });
  try {
    return await packLoaded(options, loaded, source);
  } finally {
    await loaded.film.close().catch(() => undefined);
  }
}

/** Packs a course that loaded without errors; the film is read through `loaded.film.path` only. */
async function packLoaded(
  options: PackOptions,
  loaded: Extract<LoadCourseResult, { ok: true }>,
  source: MediaInfo | undefined,
): Promise<PackResult> {
  options.onProgress?.({ phase: 'validated', warnings: loaded.warnings });
  const { manifest } = loaded;
  const duration = manifest.film.duration;

  const writer = await CourseFileWriter.create(options.out, {
    course: { id: manifest.id, title: manifest.title, language: manifest.language },
    passwords: options.passwords,
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
    ...(options.createdBy ? { createdBy: options.createdBy } : {}),
  }).catch((error: unknown) => rethrowWrite(error, options.out));
  try {
    const cutTimes = planCutTimes(manifest.chapters, duration);
    const segments: { uri: string; durationSeconds: number; startSeconds: number }[] = [];
    const parts = transcodeFilm({
      input: loaded.film.path,
      cutTimes,
      durationSeconds: duration,
      ...(source ? { source } : {}),
      ...(options.maxHeight ? { maxHeight: options.maxHeight } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (seconds) =>
        options.onProgress?.({ phase: 'transcoding', seconds, totalSeconds: duration }),
    });
    for await (const part of parts) {
      switch (part.kind) {
        case 'init':
          await writer.addEntry(INIT_ENTRY, part.data);
          break;
        case 'segment': {
          const name = segmentEntry(segments.length);
          await writer.addEntry(name, part.data);
          segments.push({
            uri: name.slice('media/'.length),
            durationSeconds: part.durationSeconds,
            startSeconds: part.startSeconds,
          });
          break;
        }
      }
    }
    const snapped = snapChaptersToSegments(
      manifest,
      segments.map((segment) => segment.startSeconds),
    );
    // Taken from the snapped chapters, so each still is timed from where its chapter really starts.
    const withStills = await addChapterStills({
      filmPath: loaded.film.path,
      manifest: snapped,
      writer,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (done, total) => options.onProgress?.({ phase: 'stills', done, total }),
    });
    options.onProgress?.({ phase: 'finishing' });
    await writer.addEntry(
      FILM_ENTRY,
      Buffer.from(buildMediaPlaylist({ initUri: INIT_ENTRY.slice('media/'.length), segments }), 'utf8'),
    );
    for (const asset of loaded.assets) await writer.addEntry(asset.entry, asset.data);
    await writer.addEntry(MANIFEST_ENTRY, Buffer.from(JSON.stringify(withStills), 'utf8'));
    if (options.signal?.aborted) throw new PackError({ kind: 'aborted' });
    const file = await writer.finish();
    return { file, manifest: withStills, warnings: loaded.warnings, segments: segments.length };
  } catch (error) {
    await writer.abort();
    if (error instanceof MediaError) rethrowMedia(error);
    if (error instanceof PackError) throw error;
    rethrowWrite(error, options.out);
  }
}

/**
 * The promise the format makes to the app: every chapter starts on a segment boundary, so seeking to a chapter
 * fetches no bytes of the one before. Checked here rather than trusted to ffmpeg's options. ffmpeg forces a
 * keyframe on the frame nearest the asked time, so the manifest records where the film really cuts: each
 * chapter's start, and its end where a segment starts there (the film's last end is the film's end).
 */
export function snapChaptersToSegments(
  manifest: CourseManifest,
  segmentStarts: readonly number[],
): CourseManifest {
  const nearest = (time: number) =>
    segmentStarts.find((start) => Math.abs(start - time) <= CUT_TOLERANCE_SECONDS);
  const chapters = manifest.chapters.map((chapter) => {
    const start = nearest(chapter.start);
    if (start === undefined) {
      throw new PackError({ kind: 'chapter-not-on-segment', chapterId: chapter.id, start: chapter.start });
    }
    const end = nearest(chapter.end) ?? Math.min(chapter.end, manifest.film.duration);
    return { ...chapter, start, end };
  });
  return { ...manifest, chapters };
}

function rethrowMedia(error: unknown): never {
  if (error instanceof MediaError) {
    if (error.code === 'aborted') throw new PackError({ kind: 'aborted' }, { cause: error });
    throw new PackError({ kind: 'media', code: error.code, details: error.details }, { cause: error });
  }
  throw error;
}

function rethrowWrite(error: unknown, path: string): never {
  if (error instanceof PackError) throw error;
  if (error instanceof CourseFileError)
    throw new PackError({ kind: 'course-file', problem: error.problem }, { cause: error });
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') throw new PackError({ kind: 'write-failed', path, code }, { cause: error });
  throw error;
}
