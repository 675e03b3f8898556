import { PLENUM_SCHEME } from '../scheme/plenum-scheme';

/**
 * Protocols a renderer may request at all. The app fetches nothing from the network, so everything else
 * (http, https, ws, wss, ftp, file, ...) is cancelled: an allow-list, so a scheme nobody thought of is refused
 * too. `devtools:` keeps the developer tools working in unpackaged builds.
 */
const ALLOWED_REQUEST_PROTOCOLS: ReadonlySet<string> = new Set([
  `${PLENUM_SCHEME}:`,
  'data:',
  'blob:',
  'devtools:',
]);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL is on the UI's origin (`plenum://app/...`). Node keeps a custom scheme's host as written,
 * while Chromium lower-cases it (the scheme is standard), so the host is compared case-insensitively; user
 * info or a port never occurs in our URLs and is refused.
 */
export function isUiUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${PLENUM_SCHEME}:` &&
    parsed.host.toLowerCase() === 'app' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The paths of the UI that a window may show: the one page (the app routes within it by hash, the audience
 * by query). Everything else on the origin is a resource of that page, media entries under `/media/`
 * included, and never something a window navigates to.
 */
const UI_PAGE_PATHS: ReadonlySet<string> = new Set(['/', '/index.html']);

/** Whether a window may navigate to this URL: the UI's page on the UI origin, never a media entry or asset. */
export function isUiPageUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && isUiUrl(url) && UI_PAGE_PATHS.has(parsed.pathname);
}

/** Whether a renderer may make this request (everything off the machine is refused). */
export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && ALLOWED_REQUEST_PROTOCOLS.has(parsed.protocol);
}
