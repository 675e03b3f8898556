import { imageSize } from 'image-size';
import { COURSE_LIMITS } from './course-limits';

/** The picture formats a course may show (every Chromium draws them without plugins), by file extension. */
export const PICTURE_FORMATS = {
  '.png': 'png',
  '.jpg': 'jpg',
  '.jpeg': 'jpg',
  '.gif': 'gif',
  '.webp': 'webp',
  '.svg': 'svg',
} as const;

/** A picture format's name, as image-size names it. */
export type PictureFormat = (typeof PICTURE_FORMATS)[keyof typeof PICTURE_FORMATS];

/** Why a picture's contents cannot be packed. */
export type PictureProblem =
  | { kind: 'wrong-contents'; format: PictureFormat }
  | { kind: 'too-many-pixels'; width: number; height: number };

// An SVG may open with a byte-order mark, an XML declaration, comments and a doctype before its root element.
// Each part can match a given run of text in one way only, so a hostile prolog costs one pass (a doctype
// of 64,000 spaces took 7 s when both `[^>[]*` and a `\s*` could take the spaces).
const SVG_START =
  /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--(?:[^-]|-(?!->))*-->|<!DOCTYPE[^>[]*(?:\[[^\]]*\][^>]*)?>)\s*)*<svg[\s>/]/i;

/** The format an entry name promises by its extension, or undefined when it is not a picture we show. */
export function pictureFormatOf(entry: string): PictureFormat | undefined {
  const dot = entry.lastIndexOf('.');
  const extension = dot < 0 ? '' : entry.slice(dot).toLowerCase();
  return Object.hasOwn(PICTURE_FORMATS, extension)
    ? PICTURE_FORMATS[extension as keyof typeof PICTURE_FORMATS]
    : undefined;
}

/**
 * Checks that a picture's bytes are what its extension says, by signature (image-size reads the header of
 * PNG, JPEG, GIF and WebP, and their width and height), and that a raster picture has at most
 * COURSE_LIMITS.imagePixels pixels, since every pixel is decoded into memory where it is shown. An SVG must
 * be UTF-8 text whose first element is `<svg`. Only headers are parsed: this costs nothing however large.
 */
export function checkPicture(format: PictureFormat, data: Buffer): PictureProblem | undefined {
  if (format === 'svg') {
    return isSvg(data) ? undefined : { kind: 'wrong-contents', format };
  }
  let size: { width: number; height: number; type?: string };
  try {
    size = imageSize(data);
  } catch {
    return { kind: 'wrong-contents', format };
  }
  if (size.type !== format || size.width <= 0 || size.height <= 0) {
    return { kind: 'wrong-contents', format };
  }
  if (size.width * size.height > COURSE_LIMITS.imagePixels) {
    return { kind: 'too-many-pixels', width: size.width, height: size.height };
  }
  return undefined;
}

/** Whether bytes are UTF-8 text that starts (after any prolog) with an `<svg` element. */
function isSvg(data: Buffer): boolean {
  let text: string;
  try {
    // Only the opening is needed; a multi-byte character cut at the end of the slice is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, 64 * 1024), { stream: true });
  } catch {
    return false;
  }
  return SVG_START.test(text.replace(/^\uFEFF/, ''));
}
