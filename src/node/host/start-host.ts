import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_EVENTS } from '../../common/ipc/contract';
import type { ApiResult } from '../../common/ipc/api-error';
import type { AudiencePresence } from '../../common/ipc/contract';
import { createHostPages } from './host-pages';
import { sendWebResponse, toWebRequest } from './web-bridge';

/** What the host serves: the same API, events and media handler Electron's main uses. */
export interface HostBackend {
  dispatch(channel: string, args: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  media(request: Request): Promise<Response>;
  /**
   * Told whether an audience page is open: a page that opened its event stream as the audience. The stream
   * closes with the page (closed, reloaded, crashed), so presence cannot outlive it.
   */
  setAudience?(presence: AudiencePresence): void;
}

/** How to start the host. */
export interface HostOptions {
  backend: HostBackend;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed only in tests; otherwise 256 random bits per launch. */
  token?: string;
}

/** A running host. `url` carries the token once; the page trades it for an HttpOnly cookie at once. */
export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'plenum-token';
const MAX_BODY = 1024 * 1024;
const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The loopback host: the built renderer, the API (a POST per call), events (server-sent) and the media
 * handler on 127.0.0.1 at a random port. Every request must carry the per-launch token (as a cookie), so
 * another user on the same machine cannot reach the film; the Host header must be ours (DNS rebinding); API
 * calls, the event stream and media must come from our own origin; a method a path does not take is a quiet
 * 405. This is how the renderer runs in a real browser where no Electron
 * binary exists, and how it is tested.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const pages = createHostPages(options.rendererDir);
  const streams = new Set<ServerResponse>();
  const audienceStreams = new Set<ServerResponse>();
  const reportAudience = (): void =>
    options.backend.setAudience?.(
      audienceStreams.size > 0 ? { kind: 'present', placement: 'page' } : { kind: 'absent' },
    );
  let origin = '';
  let hostHeaders: Set<string> = new Set();

  const unsubscribe = options.backend.onEvent((name, payload) => {
    if (!(API_EVENTS as readonly string[]).includes(name)) return;
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('plenum host: request failed', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostHeaders.has(req.headers.host ?? '')) return send(res, 421, 'text/plain; charset=utf-8', '');
    const url = new URL(req.url ?? '/', origin);
    const offered = url.searchParams.get('token');
    if (offered !== null && req.method === 'GET' && sameSecret(offered, token)) {
      // Trade the URL's token for a cookie and drop it from the address bar (and from history).
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...COMMON_HEADERS,
        Location: `${url.pathname}${url.search}${url.hash}`,
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
      return;
    }
    if (!sameSecret(cookieToken(req) ?? '', token)) return send(res, 403, 'text/plain; charset=utf-8', '');

    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length));
    if (url.pathname === '/events') {
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', '', { Allow: 'GET' });
      // The cookie is sent by any page on 127.0.0.1 (cookies ignore the port), so without this a page on
      // another loopback port could open the stream and make the presenter believe an audience page is there.
      if (fromElsewhere(req, origin)) return send(res, 403, 'text/plain; charset=utf-8', '');
      return events(req, res, url.searchParams.get('role') === 'audience');
    }
    // Media and the UI are read-only. Checked before a web Request is built: it refuses TRACE, TRACK and
    // CONNECT by throwing, which would end as a 500 with a stack in the log instead of a quiet 405.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', '', { Allow: 'GET, HEAD' });
    }
    if (url.pathname.startsWith('/media/')) {
      // No page of another origin may make us decrypt (CORP would only hide the answer after the work).
      if (fromElsewhere(req, origin)) return send(res, 403, 'text/plain; charset=utf-8', '');
      return sendWebResponse(res, await options.backend.media(toWebRequest(req, res, origin)), {});
    }
    // Everything else is the UI, the client script (out/renderer/plenum-client.js) included.
    return sendWebResponse(res, await pages(toWebRequest(req, res, origin)), COMMON_HEADERS);
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', '', { Allow: 'POST' });
    if (fromElsewhere(req, origin)) return send(res, 403, 'text/plain; charset=utf-8', '');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'text/plain; charset=utf-8', '');
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'text/plain; charset=utf-8', '');
    let args: unknown;
    try {
      args = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', '');
    }
    const result = await options.backend.dispatch(channel, args);
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  function events(req: IncomingMessage, res: ServerResponse, audience: boolean): void {
    res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    if (audience) {
      audienceStreams.add(res);
      reportAudience();
    }
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
      if (audienceStreams.delete(res)) reportAudience();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  hostHeaders = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/**
 * True when a page of another origin made the request: its Origin is not ours, or the browser's
 * Sec-Fetch-Site says it was not same-origin (a page on another 127.0.0.1 port is 'same-site'). A request with
 * neither header (a same-origin GET in an older browser, curl with the cookie) is let through; the token
 * cookie is what keeps other programs out.
 */
function fromElsewhere(req: IncomingMessage, origin: string): boolean {
  const requestOrigin = req.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin) return true;
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

function sameSecret(offered: string, token: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    size += (part as Buffer).length;
    if (size > MAX_BODY) return null;
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts);
}
