import path from 'node:path';
import { readReferencedFile, reportFileProblem, resolveInCourse, textOf } from './course-file-reference';
import { COURSE_LIMITS } from './course-limits';
import type { IssueLocation } from './issue-collector';
import { chargeCharacters } from './load-budget';
import type { FieldNode, LoadContext } from './load-context';
import { findMarkdownImages } from './markdown-images';
import { checkPicture, PICTURE_FORMATS, pictureFormatOf } from './picture-check';
import { textPositions } from './text-position';
import { readText } from './value-readers';

/** Picture formats every Chromium shows without plugins; the media handler serves them by extension. */
export const IMAGE_EXTENSIONS = Object.keys(PICTURE_FORMATS);

/**
 * Reads a Markdown field: the text itself, or — when the value is one line ending in `.md` — the contents of
 * that file. Pictures it shows are checked, added to the assets, and their destinations rewritten to entry
 * names where they differ (e.g. './x.png', or a picture beside a .md file in a subfolder), so the app finds
 * every picture by its entry name whatever file the Markdown came from. Each text is at most
 * COURSE_LIMITS.textCharacters, and a file's text counts against the course's total each time it is named.
 */
export async function readMarkdown(ctx: LoadContext, field: FieldNode): Promise<string | undefined> {
  const text = readText(ctx, field, COURSE_LIMITS.textCharacters);
  if (text === undefined) {
    return undefined;
  }
  const reference = text.value.trim();
  if (!isMarkdownPath(reference)) {
    return collectImages(ctx, text.value, '', () => text.at);
  }
  const file = await readReferencedFile(ctx, { value: reference, at: text.at }, 'markdown');
  if (file === undefined) {
    return undefined;
  }
  const decoded = textOf(ctx, file);
  if (!decoded.ok) {
    ctx.issues.error('not-utf8', { file: file.entry, ...decoded.at, path: field.path }, { value: reference });
    return undefined;
  }
  const content = decoded.text.replace(/^\uFEFF/, '');
  const whole = { file: file.entry, path: field.path };
  if (content.trim() === '') {
    ctx.issues.error('empty-text', whole, {});
    return undefined;
  }
  if (content.length > COURSE_LIMITS.textCharacters) {
    ctx.issues.error('text-too-long', whole, {
      length: String(content.length),
      limit: String(COURSE_LIMITS.textCharacters),
    });
    return undefined;
  }
  if (!chargeCharacters(ctx, content.length, text.at)) {
    return undefined;
  }
  const folder = path.posix.dirname(file.entry);
  const positionOf = textPositions(content);
  return collectImages(ctx, content, folder === '.' ? '' : folder, (offset) => ({
    file: file.entry,
    ...positionOf(offset),
    path: field.path,
  }));
}

/** A Markdown field names a file when it is a single line ending in `.md`. */
export function isMarkdownPath(value: string): boolean {
  return !value.includes('\n') && /\.md$/i.test(value);
}

/** Checks the pictures of one Markdown text (relative to `folder`) and returns the text with entry names. */
async function collectImages(
  ctx: LoadContext,
  markdown: string,
  folder: string,
  locate: (offset: number) => IssueLocation,
): Promise<string> {
  const rewrites: { start: number; end: number; entry: string }[] = [];
  for (const image of findMarkdownImages(markdown)) {
    const at = locate(image.start);
    const target = decodeDestination(image.destination);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
      ctx.issues.error('image-not-local', at, { value: image.destination });
      continue;
    }
    if (target.startsWith('/') || target.startsWith('\\')) {
      ctx.issues.error('path-absolute', at, { value: image.destination });
      continue;
    }
    const reference = folder === '' ? target : `${folder}/${target}`;
    const resolved = await resolveInCourse(ctx, reference);
    if (!resolved.ok) {
      reportFileProblem(ctx.issues, resolved, at, image.destination);
      continue;
    }
    const format = pictureFormatOf(resolved.entry);
    if (format === undefined) {
      ctx.issues.error('unsupported-image', at, {
        value: image.destination,
        formats: IMAGE_EXTENSIONS.join(', '),
      });
      continue;
    }
    const file = await readReferencedFile(ctx, { value: reference, at }, 'image', image.destination);
    if (file === undefined) {
      continue;
    }
    // A picture already packed was checked when first shown.
    const problem = ctx.assets.has(file.entry) ? undefined : checkPicture(format, file.data);
    if (problem?.kind === 'wrong-contents') {
      ctx.issues.error('bad-image', at, { value: image.destination, format: format.toUpperCase() });
      continue;
    }
    if (problem?.kind === 'too-many-pixels') {
      ctx.issues.error('image-too-large', at, {
        value: image.destination,
        size: `${problem.width} × ${problem.height}`,
        limit: String(COURSE_LIMITS.imagePixels / (1024 * 1024)),
      });
      continue;
    }
    ctx.assets.set(file.entry, file.data);
    if (file.entry !== target) {
      rewrites.push({ start: image.start, end: image.end, entry: file.entry });
    }
  }
  // Last first, so each rewrite leaves the offsets of the earlier ones valid.
  return rewrites.reduceRight(
    (text, { start, end, entry }) => text.slice(0, start) + encodeEntry(entry) + text.slice(end),
    markdown,
  );
}

/** Undoes Markdown backslash escapes and URL percent-encoding, giving the file name the author meant. */
function decodeDestination(destination: string): string {
  const unescaped = destination.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** Writes an entry name as a Markdown destination that needs no angle brackets. */
function encodeEntry(entry: string): string {
  return encodeURI(entry).replace(/\(/g, '%28').replace(/\)/g, '%29');
}
