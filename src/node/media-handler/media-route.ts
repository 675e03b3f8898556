import { isValidEntryName } from '../course-file';
/** Which course file (by handle) and which entry of it a media URL names. */
export interface MediaRoute {
  handle: string;
  entry: string;
}

/** Turns a request URL into a route, or null when the URL names nothing the handler serves. */
export type MediaRouter = (url: URL) => MediaRoute | null;

/** A handle is 128 random bits in lowercase hex, minted per unlock by whoever owns the unlocked files. */
const HANDLE_PATTERN = /^[0-9a-f]{32}$/;

/** Whether a string is a well-formed handle (32 lowercase hex characters). */
export function isMediaHandle(handle: string): boolean {
  return HANDLE_PATTERN.test(handle);
}

/** Whether a (decoded) entry name obeys the course file's entry name rules. */
export function isServableEntryName(entry: string): boolean {
  return isValidEntryName(entry);
}

/**
 * Routes `/media/<handle>/<entry…>`, the one media URL form both shells use: `plenum://app/media/…` in
 * Electron (the UI's own origin) and `http://127.0.0.1:<port>/media/…` on the loopback host. Only the path is
 * read; which origin may reach the handler at all is decided by whoever hands it the request.
 */
export function routeMediaPath(url: URL): MediaRoute | null {
  const [, prefix, ...rest] = url.pathname.split('/');
  if (prefix !== 'media') return null;
  return routePathSegments(rest);
}

/**
 * `<handle>/<entry segment>/…`, each entry segment percent-decoded on its own. Decoding per segment (never
 * the whole path) is what keeps `..%2f` from turning into a separator; the URL parser has already resolved
 * literal and `%2e%2e` dot segments, and anything dotted that survives is refused here.
 */
function routePathSegments(segments: readonly string[]): MediaRoute | null {
  const [handle, ...raw] = segments;
  if (handle === undefined || !isMediaHandle(handle) || raw.length === 0) return null;
  const decoded: string[] = [];
  for (const segment of raw) {
    const plain = decodeSegment(segment);
    // One decoded segment must itself be a valid one-segment name: a decoded `/` (from %2F), `\\`, `..`,
    // `.` or an empty segment never reaches the reader.
    if (plain === null || plain.includes('/') || !isValidEntryName(plain)) return null;
    decoded.push(plain);
  }
  return { handle, entry: decoded.join('/') };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape (`%zz`, a lone UTF-8 byte) names no entry.
    return null;
  }
}
