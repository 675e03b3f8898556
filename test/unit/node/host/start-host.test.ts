import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type HostBackend, type RunningHost } from '../../../../src/node/host/start-host';
import { useTempDir } from '../../../support/temp-dir';
import type { AudiencePresence } from '../../../../src/common/ipc/contract';

const tempDir = useTempDir();
const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstu';

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

  it('serves the page with the client script first and a strict CSP', async () => {
    const response = await fetch(`${host.origin}/`, { headers: cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<head><script src="/plenum-client.js"></script><title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("media-src 'self' blob:");
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toMatch(/https?:|unsafe-eval|unsafe-inline/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const client = await (await fetch(`${host.origin}/plenum-client.js`, { headers: cookie })).text();
    expect(client).toContain('"course.unlock"');
    expect(client).not.toContain(TOKEN);
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
      const response = await fetch(`${host.origin}${path}`, { headers: cookie });
      expect([400, 404]).toContain(response.status);
    }
  });

  it('streams events to the page', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/events`, { headers: cookie, signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read();
    fake.emit('lecture.state', { handle: 'h', state: { revision: 3 } });
    fake.emit('not-an-event', { secret: true });
    fake.emit('library.changed', { entries: [] });
    let text = '';
    while (!text.includes('library.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: lecture.state\ndata: {"handle":"h","state":{"revision":3}}\n\n');
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

  it('has the client script open the audience stream only on an audience page', async () => {
    const script = await (await fetch(`${host.origin}/plenum-client.js`, { headers: cookie })).text();
    expect(script).toContain("get('view') === 'audience'");
    expect(script).toContain('/events?role=audience');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
