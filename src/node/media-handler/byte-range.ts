/** What to send for a request's `Range` header, given the entry's size. `end` is exclusive. */
export type RangeSelection =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const INT_RANGE = /^(\d+)-(\d*)$/;
const SUFFIX_RANGE = /^-(\d+)$/;

/**
 * Applies a `Range` header (RFC 9110 §14) to an entry of `size` bytes.
 * - No header, a header that does not parse, or a unit other than bytes: `whole` (a server may ignore a
 *   Range it does not understand, and must ignore an invalid one).
 * - More than one range: `whole` too. Ignoring Range is always allowed, whereas answering only the first
 *   range of several is not clearly so; neither Chromium's media stack nor hls.js ever asks for several.
 * - `a-b`, `a-`: clamped to the end; unsatisfiable when `a >= size`.
 * - `-n`: the last n bytes (all of them when n > size); unsatisfiable when n is 0.
 * - Any range on an empty entry is unsatisfiable. (RFC 9110 would let `-n` select a zero-length
 *   representation, but there is no `Content-Range` that can describe an empty part, so 416 it is.)
 */
export function selectByteRange(header: string | null, size: number): RangeSelection {
  if (header === null) return { kind: 'whole' };
  const equals = header.indexOf('=');
  if (equals < 0 || header.slice(0, equals).trim().toLowerCase() !== 'bytes') return { kind: 'whole' };
  // The list rule allows empty elements and whitespace around commas: "bytes= 0-1 ,".
  const specs = header
    .slice(equals + 1)
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  const [spec] = specs;
  if (spec === undefined || specs.length > 1) return { kind: 'whole' };

  const intRange = INT_RANGE.exec(spec);
  if (intRange) {
    const [, first = '', last = ''] = intRange;
    // BigInt, so absurdly long digit strings compare exactly instead of rounding to the same float.
    if (last !== '' && BigInt(last) < BigInt(first)) return { kind: 'whole' };
    const start = Number(first);
    if (start >= size) return { kind: 'unsatisfiable' };
    const end = last === '' ? size : Math.min(Number(last) + 1, size);
    return { kind: 'part', start, end };
  }
  const suffix = SUFFIX_RANGE.exec(spec);
  if (suffix) {
    const length = Number(suffix[1]);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size };
  }
  return { kind: 'whole' };
}
