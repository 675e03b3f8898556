import { assertNever } from '../../common/assert-never';
import type { UnlockedCourseFile } from '../course-file';
import { selectByteRange, type RangeSelection } from './byte-range';
import { typeHeadersFor } from './content-type';
import { createDecryptingStream } from './decrypting-stream';
import { isMediaHandle, isServableEntryName, type MediaRouter } from './media-route';

/** The part of an unlocked course file the handler uses; an UnlockedCourseFile is one. */
export type ServableCourseFile = Pick<UnlockedCourseFile, 'has' | 'entry' | 'read'>;

/** What the media handler needs: how to find an unlocked file by handle, and how to read a URL. */
export interface MediaHandlerOptions {
  /**
   * The unlocked course file a handle stands for, or undefined. Return undefined as soon as a file is
   * locked again or closed: the handler cannot tell a closed file from an open one before reading it.
   */
  resolve: (handle: string) => ServableCourseFile | undefined;
  /** How a URL names an entry: `routeMediaPath` (`/media/<handle>/<entry…>`) in both shells. */
  route: MediaRouter;
}

/** A web-standard request handler, for Electron's `protocol.handle` and for the loopback host alike. */
export type MediaHandler = (request: Request) => Promise<Response>;

const ALLOWED_METHODS = 'GET, HEAD';

/**
 * Serves the entries of unlocked course files by URL: GET and HEAD, one byte range at a time, each body a
 * stream that decrypts one chunk per pull. See docs/media-handler.md for the exact responses.
 */
export function createMediaHandler(options: MediaHandlerOptions): MediaHandler {
  return async (request) => {
    const method = request.method;
    if (method !== 'GET' && method !== 'HEAD') return emptyResponse(405, { Allow: ALLOWED_METHODS });

    const route = options.route(new URL(request.url));
    if (!route || !isMediaHandle(route.handle) || !isServableEntryName(route.entry)) return notFound();
    // A locked file and a handle never issued get the same bare 404: a page in the renderer (a course's
    // own SVG or Markdown, say) must not be able to learn which courses exist or which are unlocked.
    const file = options.resolve(route.handle);
    if (!file?.has(route.entry)) return notFound();

    const { size } = file.entry(route.entry);
    const typeHeaders = typeHeadersFor(route.entry);
    const headers: Record<string, string> = {
      ...commonHeaders(),
      'Accept-Ranges': 'bytes',
      'Content-Type': typeHeaders.contentType,
      ...(typeHeaders.contentSecurityPolicy
        ? { 'Content-Security-Policy': typeHeaders.contentSecurityPolicy }
        : {}),
    };

    // Range is defined for GET only (RFC 9110 §14.2): HEAD describes the whole entry and decrypts nothing.
    if (method === 'HEAD') {
      return new Response(null, { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
    }

    const selection = rangeFor(request.headers, size);
    switch (selection.kind) {
      case 'whole':
        return new Response(createDecryptingStream(file.read(route.entry), request.signal), {
          status: 200,
          headers: { ...headers, 'Content-Length': String(size) },
        });
      case 'part': {
        const { start, end } = selection;
        return new Response(createDecryptingStream(file.read(route.entry, { start, end }), request.signal), {
          status: 206,
          headers: {
            ...headers,
            'Content-Length': String(end - start),
            'Content-Range': `bytes ${start}-${end - 1}/${size}`,
          },
        });
      }
      case 'unsatisfiable':
        return emptyResponse(416, { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${size}` });
      default:
        return assertNever(selection);
    }
  };
}

/**
 * The Range header, unless an If-Range accompanies it: the handler sends no validators (no ETag, no
 * Last-Modified), so no If-Range can match, and RFC 9110 §13.1.5 then requires the whole entry.
 */
function rangeFor(headers: Headers, size: number): RangeSelection {
  if (headers.has('If-Range')) return { kind: 'whole' };
  return selectByteRange(headers.get('Range'), size);
}

/** On every response: nothing is cached (decrypted bytes must not land in a disk cache) or sniffed. */
function commonHeaders(): Record<string, string> {
  return { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
}

function notFound(): Response {
  return emptyResponse(404, {});
}

function emptyResponse(status: number, extra: Record<string, string>): Response {
  return new Response(null, { status, headers: { ...commonHeaders(), ...extra, 'Content-Length': '0' } });
}
