import { isUtf8 } from 'node:buffer';
import { textPositions } from './text-position';

/** A file's bytes as text, or where the first byte that is not UTF-8 sits. */
export type DecodedText = { ok: true; text: string } | { ok: false; at: { line: number; col: number } };

/**
 * Decodes a course file (Markdown, WebVTT) that must be UTF-8, as the formats require. On failure the position
 * is that of the first replacement character in the lenient decoding: the first bad byte unless the file also
 * holds a real U+FFFD before it, which is rare enough for a message.
 */
export function decodeUtf8(data: Buffer): DecodedText {
  const text = data.toString('utf8');
  if (isUtf8(data)) {
    return { ok: true, text };
  }
  return { ok: false, at: textPositions(text)(Math.max(0, text.indexOf('\uFFFD'))) };
}
