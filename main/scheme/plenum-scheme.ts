/**
 * The app's own URL scheme. The UI is served from `plenum://app/`, and course media from
 * `plenum://app/media/<handle>/<entry>`: the same origin, and the same path the loopback host serves media on.
 *
 * Why media has no host of its own: without the `corsEnabled` privilege (which we refuse, because it makes the
 * scheme readable from any origin), Electron blocks cross-origin fetch()/XHR between two hosts of a custom
 * scheme (electron/electron#51152, backported to 40-42 and present in 45). hls.js fetches the playlist and the
 * segments, so media on a second host would only work for plain `<img>`/`<video src>` loads.
 */
export const PLENUM_SCHEME = 'plenum';

/** The UI's origin: the only place IPC may come from and the only place windows may navigate to. */
export const UI_ORIGIN = 'plenum://app';

/** The page every window opens. */
export const UI_ENTRY_URL = `${UI_ORIGIN}/index.html`;

/** The audience window's page: the same entry, told by its query to show the stage only. */
export const AUDIENCE_ENTRY_URL = `${UI_ENTRY_URL}?view=audience`;

/** A display's number badge for the room check's "identify": the same entry, told which number to show. */
export function identifyEntryUrl(displayNumber: number): string {
  return `${UI_ENTRY_URL}?view=identify&display=${displayNumber}`;
}

/** The path prefix under the UI origin that goes to the media handler (which routes the same path form). */
export const UI_MEDIA_PREFIX = '/media/';

/**
 * The scheme's privileges, exactly: a standard, secure scheme (so it has origins, `'self'` and a secure
 * context), fetch() support for hls.js, and streamed responses for large segments. Never `bypassCSP`
 * (the UI's CSP must hold) and never `corsEnabled` (the media would become readable cross-origin).
 */
export const PLENUM_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
} as const;

/** The in-memory session every window uses: no `persist:` prefix, so nothing the UI stores reaches the disk. */
export const UI_PARTITION = 'plenum-ui';
