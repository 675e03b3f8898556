import type { Chapter, CourseManifest } from '../../common/course/manifest';
import type { CourseFileWriter } from '../course-file';
import { extractStill } from '../transcoder/extract-still';
import { MediaError } from '../transcoder/media-error';
import { PackError, type StillFailure } from './pack-problem';

/** How far into a chapter its still is taken, at most: past a title card or a fade-in at its very start. */
export const STILL_LEAD_SECONDS = 3;

/** The entry name of a chapter's still inside the course file (chapter ids are valid entry names). */
export function stillEntry(chapterId: string): string {
  return `stills/${chapterId}.jpg`;
}

/**
 * Where a chapter's still is taken: 3 s after its start, or a quarter of the way in for a chapter shorter
 * than 12 s, so the picture is one from the chapter itself and never one from the next.
 */
export function stillTime(chapter: Pick<Chapter, 'start' | 'end'>): number {
  return chapter.start + Math.min(STILL_LEAD_SECONDS, (chapter.end - chapter.start) / 4);
}

/** What addChapterStills needs: the source film, the (snapped) manifest and the open course file. */
export interface ChapterStillsOptions {
  filmPath: string;
  manifest: CourseManifest;
  writer: Pick<CourseFileWriter, 'addEntry'>;
  signal?: AbortSignal;
  /** Called before the first still (done = 0) and after each one. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Takes one JPEG still per chapter from the source film (one short ffmpeg run each, seeking straight to
 * the time, which is far cheaper than decoding the film once more), writes each as entry
 * `stills/<chapter id>.jpg` and returns the manifest with every chapter's `still` set. The pictures go from
 * ffmpeg's stdout into the encrypted writer, never to disk. Throws PackError('still-failed') when ffmpeg
 * fails or finds no picture; other MediaErrors (aborted, tool missing) are left to the caller to translate.
 */
export async function addChapterStills(options: ChapterStillsOptions): Promise<CourseManifest> {
  const { manifest, signal } = options;
  const total = manifest.chapters.length;
  const chapters: Chapter[] = [];
  options.onProgress?.(0, total);
  for (const chapter of manifest.chapters) {
    const at = stillTime(chapter);
    const failed = (reason: StillFailure, details: readonly string[], cause?: unknown) =>
      new PackError({ kind: 'still-failed', chapterId: chapter.id, at, reason, details }, { cause });
    const jpeg = await extractStill({ input: options.filmPath, atSeconds: at, signal }).catch(
      (error: unknown) => {
        if (error instanceof MediaError && error.code === 'failed')
          throw failed('ffmpeg-failed', error.details, error);
        throw error;
      },
    );
    if (jpeg === null) throw failed('no-picture', []);
    const entry = stillEntry(chapter.id);
    await options.writer.addEntry(entry, jpeg);
    chapters.push({ ...chapter, still: entry });
    options.onProgress?.(chapters.length, total);
  }
  return { ...manifest, chapters };
}
