import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UI_CONTENT_SECURITY_POLICY } from './content-security-policy';
import { contentTypeFor } from './ui-content-type';
import { uiPathSegments } from './ui-path';

/** Headers on every UI response, errors included, so no UI document is ever served without its CSP. */
function uiHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({
    'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // The session is in-memory with its cache off; this says the same to anything in between.
    'Cache-Control': 'no-store',
    ...extra,
  });
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Serves the built renderer folder, for Electron's `plenum://app/` and the loopback host alike: GET and HEAD
 * only, with the CSP header on every response. A path that leaves the folder (by `..`, an encoded separator,
 * or a symbolic link) is a 404. No Electron in here: the request and the response are the web's own.
 */
export function createUiHandler(root: string): (request: Request) => Promise<Response> {
  const absoluteRoot = resolve(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: uiHeaders({ Allow: 'GET, HEAD' }) });
    }
    const segments = uiPathSegments(new URL(request.url).pathname);
    const notFound = () => new Response(null, { status: 404, headers: uiHeaders() });
    if (segments === null) return notFound();
    const file = join(absoluteRoot, ...segments);
    if (!isInside(absoluteRoot, file)) return notFound();
    let body: Buffer;
    try {
      // The second fence: a symbolic link inside the folder must not lead out of it.
      const [realRoot, realFile] = await Promise.all([realpath(absoluteRoot), realpath(file)]);
      if (!isInside(realRoot, realFile)) return notFound();
      body = await readFile(realFile);
    } catch {
      // Missing, a directory, or unreadable: the UI has no such page.
      return notFound();
    }
    const headers = uiHeaders({
      'Content-Type': contentTypeFor(file),
      'Content-Length': String(body.length),
    });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
