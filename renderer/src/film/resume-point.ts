/** A chapter's span, as far as finding a playhead in it goes. */
export interface ChapterBounds {
  start: number;
  end: number;
}

/**
 * The index of the chapter that holds `seconds` (the last one whose start is at or before it), or null
 * before the first chapter or past the film's last chapter end.
 */
export function chapterAt(chapters: readonly ChapterBounds[], seconds: number): number | null {
  let found: number | null = null;
  for (const [index, chapter] of chapters.entries()) {
    if (chapter.start <= seconds) found = index;
  }
  if (found === null) return null;
  const chapter = chapters[found];
  return chapter !== undefined && seconds < chapter.end ? found : null;
}

/** Positions this close to the film's start are not worth offering to resume. */
export const RESUME_THRESHOLD = 1;
