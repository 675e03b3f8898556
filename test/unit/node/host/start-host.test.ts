import { request as httpRequest } from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type HostBackend, type RunningHost } from '../../../../src/node/host/start-host';
import { UI_CONTENT_SECURITY_POLICY } from '../../../../src/node/app/content-security-policy';
import { useTempDir } from '../../../support/temp-dir';
import { API_EVENTS, type AudiencePresence } from '../../../../src/common/ipc/contract';

const tempDir = useTempDir();
const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstu';
const CLIENT = '/* the built client */';

function fakeBackend() {
  const calls: { channel: string; args: unknown }[] = [];
  const media: Request[] = [];
  const audience: AudiencePresence[] = [];
  let emit: (name: string, payload: unknown) => void = () => undefined;
  const backend: HostBackend = {
    dispatch: async (channel, args) => {
      calls.push({ channel, args });
      return { ok: true, value: { echoed: channel } };
    },
    onEvent: (listener) => {
      emit = listener;
      return () => undefined;
    },
    media: async (request) => {
      media.push(request);
      return new Response('segment bytes', { status: 206, headers: { 'Content-Range': 'bytes 0-12/100' } });
    },
    setAudience: (presence) => audience.push(presence),
  };
  return { backend, calls, media, audience, emit: (name: string, payload: unknown) => emit(name, payload) };
}

describe('the loopback host', () => {
  let host: RunningHost;
  let fake: ReturnType<typeof fakeBackend>;
  const cookie = { Cookie: `plenum-token=${TOKEN}` };

  beforeEach(async () => {
    const renderer = join(tempDir(), 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(
      join(renderer, 'index.html'),
      '<!doctype html><html><head><title>x</title></head><body></body></html>',
    );
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    // Stands in for the built client (out/renderer/plenum-client.js); the host serves whatever is built.
    writeFileSync(join(renderer, 'plenum-client.js'), CLIENT);
    writeFileSync(join(tempDir(), 'secret.txt'), 'outside');
    fake = fakeBackend();
    host = await startHost({ backend: fake.backend, rendererDir: renderer, token: TOKEN });
  });
  afterEach(async () => host.close());

  it('listens on 127.0.0.1 only and puts the token in the URL once', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${TOKEN}`);
  });

  it('refuses every request without the token', async () => {
    for (const path of ['/', '/assets/app.js', '/plenum-client.js', '/events', '/media/x/y']) {
      expect((await fetch(`${host.origin}${path}`)).status).toBe(403);
    }
    expect((await fetch(`${host.origin}/`, { headers: { Cookie: 'plenum-token=wrong' } })).status).toBe(403);
    expect(
      (
        await fetch(`${host.origin}/api/library.list`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect(fake.calls).toEqual([]);
  });

  it('trades the URL token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const response = await fetch(`${host.url}&course=%2Fx.plenum`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?course=%2Fx.plenum');
    expect(response.headers.get('set-cookie')).toBe(
      `plenum-token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`,
    );
  });

  it('serves the page through the UI handler: the client script first, the CSP and the host’s headers', async () => {
    const response = await fetch(`${host.origin}/`, { headers: cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toBe(
      '<!doctype html><html><head><script src="/plenum-client.js"></script><title>x</title></head><body></body></html>',
    );
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(UI_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const head = await fetch(`${host.origin}/index.html?view=audience`, { method: 'HEAD', headers: cookie });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
  });

  it('serves the built client script as a file of the renderer folder, with the CSP', async () => {
    const response = await fetch(`${host.origin}/plenum-client.js`, { headers: cookie });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(CLIENT);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(UI_CONTENT_SECURITY_POLICY);
    const asset = await fetch(`${host.origin}/assets/app.js`, { headers: cookie });
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('answers only GET and HEAD for UI paths', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${host.origin}/index.html`, { method, headers: cookie });
      expect([method, response.status]).toEqual([method, 405]);
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(host.origin);
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/', headers: { ...cookie, Host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('answers API calls only as same-origin JSON POSTs', async () => {
    const post = (headers: Record<string, string>, body = '{"a":1}') =>
      fetch(`${host.origin}/api/library.list`, { method: 'POST', headers: { ...cookie, ...headers }, body });
    const ok = await post({ 'Content-Type': 'application/json' });
    expect(await ok.json()).toEqual({ ok: true, value: { echoed: 'library.list' } });
    expect(fake.calls).toEqual([{ channel: 'library.list', args: { a: 1 } }]);
    expect((await post({ 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post({ 'Content-Type': 'application/json', Origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await post({ 'Content-Type': 'application/json' }, '{nope')).status).toBe(400);
    expect((await fetch(`${host.origin}/api/library.list`, { headers: cookie })).status).toBe(405);
    expect(fake.calls).toHaveLength(1);
  });

  it('hands media requests to the media handler with their headers, and streams the answer', async () => {
    const response = await fetch(`${host.origin}/media/abc/media/seg-00001.m4s`, {
      headers: { ...cookie, Range: 'bytes=0-12' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 0-12/100');
    expect(await response.text()).toBe('segment bytes');
    expect(fake.media[0]?.url).toBe(`${host.origin}/media/abc/media/seg-00001.m4s`);
    expect(fake.media[0]?.headers.get('range')).toBe('bytes=0-12');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const response = await rawGet(host, path, cookie);
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.body).not.toContain('outside');
    }
  });

  it('never follows a symbolic link out of the renderer folder', async () => {
    const renderer = join(tempDir(), 'renderer');
    symlinkSync(join(tempDir(), 'secret.txt'), join(renderer, 'assets', 'link.txt'));
    symlinkSync(tempDir(), join(renderer, 'up'));
    for (const path of ['/assets/link.txt', '/up/secret.txt']) {
      const response = await fetch(`${host.origin}${path}`, { headers: cookie });
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.text()).toBe('');
    }
  });

  it('streams events to the page', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/events`, { headers: cookie, signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read();
    const [first, last] = [API_EVENTS[0]!, API_EVENTS.at(-1)!];
    fake.emit(first, { handle: 'h', state: { revision: 3 } });
    fake.emit('not-an-event', { secret: true });
    fake.emit(last, { end: true });
    let text = '';
    while (!text.includes('"end"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`event: ${first}\ndata: {"handle":"h","state":{"revision":3}}\n\n`);
    expect(text).not.toContain('secret');
    controller.abort();
  });

  it('counts an audience page from its event stream, and forgets it when the stream closes', async () => {
    const open = async (query: string) => {
      const controller = new AbortController();
      const response = await fetch(`${host.origin}/events${query}`, {
        headers: cookie,
        signal: controller.signal,
      });
      await response.body!.getReader().read();
      return controller;
    };
    const presenter = await open('');
    expect(fake.audience).toEqual([]);
    const first = await open('?role=audience');
    const second = await open('?role=audience');
    expect(fake.audience.at(-1)).toEqual({ kind: 'present', placement: 'page' });
    first.abort();
    await waitFor(() => fake.audience.length === 3);
    expect(fake.audience.at(-1)).toEqual({ kind: 'present', placement: 'page' });
    second.abort();
    await waitFor(() => fake.audience.length === 4);
    expect(fake.audience.at(-1)).toEqual({ kind: 'absent' });
    presenter.abort();
  });

  it('refuses the event stream to a page of another origin, so it cannot pose as the audience', async () => {
    const otherPort = `http://127.0.0.1:${Number(new URL(host.origin).port) + 1}`;
    const foreign: Record<string, string>[] = [
      { Origin: otherPort },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'same-site' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const response = await fetch(`${host.origin}/events?role=audience`, {
        headers: { ...cookie, ...headers },
      });
      expect([headers, response.status]).toEqual([headers, 403]);
    }
    expect(fake.audience).toEqual([]);
    // The page's own stream, as a browser sends it, still opens.
    const controller = new AbortController();
    const own = await fetch(`${host.origin}/events?role=audience`, {
      headers: { ...cookie, Origin: host.origin, 'Sec-Fetch-Site': 'same-origin' },
      signal: controller.signal,
    });
    expect(own.status).toBe(200);
    await own.body!.getReader().read();
    expect(fake.audience).toEqual([{ kind: 'present', placement: 'page' }]);
    controller.abort();
  });

  it('refuses API calls and media requests that a page of another origin sent', async () => {
    const api = await fetch(`${host.origin}/api/library.list`, {
      method: 'POST',
      headers: { ...cookie, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-site' },
      body: '{}',
    });
    expect(api.status).toBe(403);
    const foreign: Record<string, string>[] = [
      { Origin: 'http://127.0.0.1:1' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of foreign) {
      const media = await fetch(`${host.origin}/media/abc/media/seg-00001.m4s`, {
        headers: { ...cookie, ...headers },
      });
      expect([headers, media.status]).toEqual([headers, 403]);
    }
    expect(fake.calls).toEqual([]);
    expect(fake.media).toEqual([]);
  });

  it('answers TRACE and other methods a path does not take with a quiet 405', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const cases: [string, string, string][] = [
        ['TRACE', '/', 'GET, HEAD'],
        ['TRACE', '/media/abc/media/seg-00001.m4s', 'GET, HEAD'],
        ['OPTIONS', '/assets/app.js', 'GET, HEAD'],
        ['PUT', '/media/abc/media/seg-00001.m4s', 'GET, HEAD'],
        ['TRACE', '/events', 'GET'],
        ['POST', '/events', 'GET'],
        ['TRACE', '/api/library.list', 'POST'],
      ];
      for (const [method, path, allow] of cases) {
        const response = await rawRequest(host, method, path, cookie);
        expect([method, path, response.status, response.allow, response.body]).toEqual([
          method,
          path,
          405,
          allow,
          '',
        ]);
      }
      expect(logged).not.toHaveBeenCalled();
      expect(fake.media).toEqual([]);
      expect(fake.audience).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });
});

/** A GET with the path sent exactly as written (fetch would resolve the dot segments first). */
function rawGet(
  host: RunningHost,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(host.origin);
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request with any method, TRACE included (fetch refuses to send it). */
function rawRequest(
  host: RunningHost,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(host.origin);
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const allow = res.headers.allow;
        resolve({ status: res.statusCode ?? 0, allow, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
