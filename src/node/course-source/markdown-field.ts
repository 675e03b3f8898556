import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCourseFileReference, reportFileProblem } from './course-file-reference';
import { errorCode, resolveCourseFile } from './course-paths';
import type { IssueLocation } from './issue-collector';
import type { FieldNode, LoadContext } from './load-context';
import { findMarkdownImages } from './markdown-images';
import { textPosition } from './text-position';
import { readText } from './value-readers';

/** Picture formats every Chromium shows without plugins; the media handler serves them by extension. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg'] as const;

/**
 * Reads a Markdown field: the text itself, or — when the value is one line ending in `.md` — the contents of
 * that file. Pictures it shows are checked, added to the assets, and their destinations rewritten to entry
 * names where they differ (e.g. './x.png', or a picture beside a .md file in a subfolder), so the app finds
 * every picture by its entry name whatever file the Markdown came from.
 */
export async function readMarkdown(ctx: LoadContext, field: FieldNode): Promise<string | undefined> {
  const text = readText(ctx, field);
  if (text === undefined) {
    return undefined;
  }
  const reference = text.value.trim();
  if (!isMarkdownPath(reference)) {
    return collectImages(ctx, text.value, '', () => text.at);
  }
  const file = await readCourseFileReference(ctx, { value: reference, at: text.at });
  if (file === undefined) {
    return undefined;
  }
  let content: string;
  try {
    content = (await readFile(file.path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    ctx.issues.error('file-unreadable', text.at, { value: reference, reason: errorCode(error) });
    return undefined;
  }
  if (content.trim() === '') {
    ctx.issues.error('empty-text', { file: file.entry, path: field.path }, {});
    return undefined;
  }
  const folder = path.posix.dirname(file.entry);
  return collectImages(ctx, content, folder === '.' ? '' : folder, (offset) => ({
    file: file.entry,
    ...textPosition(content, offset),
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
    const resolved = await resolveCourseFile(ctx.root, folder === '' ? target : `${folder}/${target}`);
    if (!resolved.ok) {
      reportFileProblem(ctx.issues, resolved, at, image.destination);
      continue;
    }
    if (!IMAGE_EXTENSIONS.some((extension) => resolved.entry.toLowerCase().endsWith(extension))) {
      ctx.issues.error('unsupported-image', at, {
        value: image.destination,
        formats: IMAGE_EXTENSIONS.join(', '),
      });
      continue;
    }
    ctx.assets.set(resolved.entry, resolved.path);
    if (resolved.entry !== target) {
      rewrites.push({ start: image.start, end: image.end, entry: resolved.entry });
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
