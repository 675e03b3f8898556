import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { unlockCourseFile, type UnlockedCourseFile } from '../../../../src/node/course-file';
import { createMediaHandler, routeMediaPath } from '../../../../src/node/media-handler';
import { SMALL_CHUNK, awkwardEntries, writeFixture } from '../../../support/course-file-fixture';
import { useTempDir } from '../../../support/temp-dir';
import { bodyOf, countingFile, headersOf, newHandle, schemeUrl, serveOne } from './media-handler-fixture';

const tempDir = useTempDir();

const BIG = randomBytes(7 * SMALL_CHUNK + 11);
const TYPED: Array<[string, string]> = [
  ['media/index.m3u8', 'application/vnd.apple.mpegurl'],
  ['media/init.mp4', 'video/mp4'],
  ['media/seg-00000.m4s', 'video/iso.segment'],
  ['subs/nb.vtt', 'text/vtt; charset=utf-8'],
  ['manifest.json', 'application/json'],
  ['images/a.png', 'image/png'],
  ['images/b.jpg', 'image/jpeg'],
  ['images/c.jpeg', 'image/jpeg'],
  ['images/D.JPG', 'image/jpeg'],
  ['images/e.gif', 'image/gif'],
  ['images/f.webp', 'image/webp'],
  ['images/g.svg', 'image/svg+xml'],
  ['notes.txt', 'application/octet-stream'],
  ['README', 'application/octet-stream'],
  ['.hidden', 'application/octet-stream'],
];
const ENTRIES: Array<[string, Buffer]> = [
  ...awkwardEntries(),
  ['big.bin', BIG],
  ...TYPED.map(([name]): [string, Buffer] => [name, randomBytes(100)]),
];

/** The headers every 200/206 carries, besides Content-Length and Content-Range. */
const OCTETS = {
  'accept-ranges': 'bytes',
  'cache-control': 'no-store',
  'content-type': 'application/octet-stream',
  'x-content-type-options': 'nosniff',
};
const EMPTY_404 = { 'cache-control': 'no-store', 'content-length': '0', 'x-content-type-options': 'nosniff' };

let file: UnlockedCourseFile;
let handle: string;
let get: (entry: string, headers?: Record<string, string>) => Promise<Response>;

beforeEach(async () => {
  const path = await writeFixture(tempDir(), ENTRIES);
  file = await unlockCourseFile(path, 'riktig passord');
  handle = newHandle();
  const handler = serveOne(file, handle);
  get = (entry, headers = {}) => handler(new Request(schemeUrl(handle, entry), { headers }));
});

afterEach(async () => {
  await file.close();
});

function plain(name: string): Buffer {
  const found = ENTRIES.find(([entry]) => entry === name);
  if (!found) throw new Error(`no entry ${name}`);
  return found[1];
}

describe('whole entries', () => {
  it.each(ENTRIES.map(([name]) => name))('GET %s: 200, the exact bytes and length', async (name) => {
    const response = await get(name);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(plain(name).length));
    expect((await bodyOf(response)).equals(plain(name))).toBe(true);
  });

  it('sends exactly the documented headers', async () => {
    const response = await get('big.bin');
    expect(headersOf(response)).toEqual({ ...OCTETS, 'content-length': String(BIG.length) });
    await response.body?.cancel();
  });

  it('an empty entry: 200 with Content-Length 0 and an empty body', async () => {
    const response = await get('empty.bin');
    expect(response.status).toBe(200);
    expect(headersOf(response)).toEqual({ ...OCTETS, 'content-length': '0' });
    expect((await bodyOf(response)).length).toBe(0);
  });
});

describe('ranges', () => {
  const size = BIG.length;
  it.each([
    ['bytes=0-0', 0, 0],
    ['bytes=0-1023', 0, 1023],
    ['bytes=1000-3000', 1000, 3000],
    ['bytes=1024-', 1024, size - 1],
    ['bytes=-1', size - 1, size - 1],
    ['bytes=-2000', size - 2000, size - 1],
    ['bytes=-999999', 0, size - 1],
    ['bytes=5000-999999', 5000, size - 1],
    [`bytes=${size - 1}-`, size - 1, size - 1],
  ])('%s: 206 with the exact Content-Range and Content-Length', async (range, first, last) => {
    const response = await get('big.bin', { Range: range });
    expect(response.status).toBe(206);
    expect(headersOf(response)).toEqual({
      ...OCTETS,
      'content-length': String(last - first + 1),
      'content-range': `bytes ${first}-${last}/${size}`,
    });
    expect((await bodyOf(response)).equals(BIG.subarray(first, last + 1))).toBe(true);
  });

  it.each([`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`, 'bytes=-0'])(
    '%s: 416 with Content-Range bytes */size',
    async (range) => {
      const response = await get('big.bin', { Range: range });
      expect(response.status).toBe(416);
      expect(headersOf(response)).toEqual({
        'accept-ranges': 'bytes',
        'cache-control': 'no-store',
        'content-length': '0',
        'content-range': `bytes */${size}`,
        'x-content-type-options': 'nosniff',
      });
      expect((await bodyOf(response)).length).toBe(0);
    },
  );

  it.each(['bytes=0-', 'bytes=-1', 'bytes=0-0'])('%s on an empty entry: 416 bytes */0', async (range) => {
    const response = await get('empty.bin', { Range: range });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */0');
  });

  it.each([
    ['invalid syntax', 'bytes=abc'],
    ['last before first', 'bytes=10-5'],
    ['another unit', 'items=0-5'],
    ['several ranges', 'bytes=0-5,10-15'],
  ])('%s: the header is ignored, 200 with the whole entry', async (_label, range) => {
    const response = await get('big.bin', { Range: range });
    expect(response.status).toBe(200);
    expect(headersOf(response)).toEqual({ ...OCTETS, 'content-length': String(size) });
    expect((await bodyOf(response)).equals(BIG)).toBe(true);
  });

  it('Range with If-Range: no validator can match, so 200 with the whole entry', async () => {
    const response = await get('big.bin', { Range: 'bytes=0-5', 'If-Range': '"abc"' });
    expect(response.status).toBe(200);
    expect((await bodyOf(response)).equals(BIG)).toBe(true);
  });

  it('any range over chunk boundaries equals the plaintext slice (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(size - 1), fc.nat(size + 100), async (a, b) => {
        const [first, last] = a <= b ? [a, b] : [b, a];
        const response = await get('big.bin', { Range: `bytes=${first}-${last}` });
        const end = Math.min(last + 1, size);
        expect(response.status).toBe(206);
        expect(response.headers.get('content-range')).toBe(`bytes ${first}-${end - 1}/${size}`);
        expect(response.headers.get('content-length')).toBe(String(end - first));
        expect((await bodyOf(response)).equals(BIG.subarray(first, end))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a suffix range of any length equals the tail of the plaintext (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: size + 100 }), async (length) => {
        const response = await get('big.bin', { Range: `bytes=-${length}` });
        expect((await bodyOf(response)).equals(BIG.subarray(Math.max(0, size - length)))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('HEAD', () => {
  it('sends the same headers as GET, no body, and decrypts nothing', async () => {
    const counting = countingFile(file);
    const handler = serveOne(counting.file, handle);
    const head = await handler(new Request(schemeUrl(handle, 'images/g.svg'), { method: 'HEAD' }));
    const whole = await get('images/g.svg');
    expect(head.status).toBe(200);
    expect(headersOf(head)).toEqual(headersOf(whole));
    expect(head.body).toBeNull();
    expect(counting.counts).toEqual({ reads: 0, nexts: 0, released: 0 });
    await whole.body?.cancel();
  });

  it('ignores Range (defined for GET only): 200 with the full length', async () => {
    const handler = serveOne(file, handle);
    const head = await handler(
      new Request(schemeUrl(handle, 'big.bin'), { method: 'HEAD', headers: { Range: 'bytes=0-9' } }),
    );
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(BIG.length));
    expect(head.headers.get('content-range')).toBeNull();
  });

  it('an unknown entry: 404', async () => {
    const handler = serveOne(file, handle);
    const head = await handler(new Request(schemeUrl(handle, 'nope.bin'), { method: 'HEAD' }));
    expect(head.status).toBe(404);
  });
});

describe('other methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'])(
    '%s: 405 with Allow: GET, HEAD',
    async (method) => {
      const handler = serveOne(file, handle);
      const response = await handler(new Request(schemeUrl(handle, 'big.bin'), { method }));
      expect(response.status).toBe(405);
      expect(headersOf(response)).toEqual({ ...EMPTY_404, allow: 'GET, HEAD' });
      expect((await bodyOf(response)).length).toBe(0);
    },
  );
});

describe('404, and nothing else said', () => {
  async function expectBare404(response: Response): Promise<void> {
    expect(response.status).toBe(404);
    expect(headersOf(response)).toEqual(EMPTY_404);
    expect((await bodyOf(response)).length).toBe(0);
  }

  it('an unknown handle and a locked one answer exactly alike', async () => {
    const open = new Map<string, UnlockedCourseFile>([[handle, file]]);
    const handler = createMediaHandler({ resolve: (asked) => open.get(asked), route: routeMediaPath });
    const url = schemeUrl(handle, 'big.bin');
    expect((await handler(new Request(url))).status).toBe(200);
    open.delete(handle); // locked again
    await expectBare404(await handler(new Request(url)));
    await expectBare404(await handler(new Request(schemeUrl(newHandle(), 'big.bin'))));
  });

  it('an unknown entry', async () => {
    await expectBare404(await get('missing.bin'));
    await expectBare404(await get('media/seg-99999.m4s'));
    await expectBare404(await get('BIG.BIN')); // entry names are case-sensitive
    await expectBare404(await get('missing.bin', { Range: 'bytes=0-1' }));
  });

  it.each([
    ['an encoded ..%2f', 'media/..%2fmanifest.json'],
    ['%2e%2e%2f', '%2e%2e%2fmanifest.json'],
    ['%2e%2e/ (resolved by the URL parser, leaving no handle)', '%2e%2e/manifest.json'],
    ['../ (resolved by the URL parser)', '../big.bin'],
    ['a double slash', 'media//index.m3u8'],
    ['a leading slash', '/big.bin'],
    ['an encoded slash', 'media%2Findex.m3u8'],
    ['an encoded backslash', 'media%5Cindex.m3u8'],
    ['a malformed escape', 'big%zz.bin'],
    ['no entry', ''],
  ])('a traversal or malformed path: %s', async (_label, entry) => {
    await expectBare404(await get(entry));
  });

  it('a malformed handle, no /media/ prefix (the retired plenum://media form), or another prefix on the loopback host', async () => {
    const handler = serveOne(file, handle);
    await expectBare404(await handler(new Request(`plenum://app/media/${handle.toUpperCase()}/big.bin`)));
    await expectBare404(await handler(new Request(`plenum://app/media/${handle}x/big.bin`)));
    await expectBare404(await handler(new Request(`plenum://elsewhere/${handle}/big.bin`)));
    await expectBare404(await handler(new Request(`plenum://media/${handle}/big.bin`)));
    expect((await handler(new Request(`plenum://app/media/${handle}/big.bin`))).status).toBe(200);
    const host = createMediaHandler({ resolve: () => file, route: routeMediaPath });
    await expectBare404(await host(new Request(`http://127.0.0.1:1/files/${handle}/big.bin`)));
    expect((await host(new Request(`http://127.0.0.1:1/media/${handle}/big.bin`))).status).toBe(200);
  });

  it('checks handle and entry even when a custom router lets them through', async () => {
    const handler = createMediaHandler({
      resolve: () => file,
      route: (url) => ({ handle: url.searchParams.get('h') ?? '', entry: url.searchParams.get('e') ?? '' }),
    });
    const ask = (h: string, e: string) =>
      handler(new Request(`plenum://x/?h=${encodeURIComponent(h)}&e=${encodeURIComponent(e)}`));
    await expectBare404(await ask('not-a-handle', 'big.bin'));
    await expectBare404(await ask(handle, '../big.bin'));
    await expectBare404(await ask(handle, 'media//index.m3u8'));
    await expectBare404(await ask(handle, 'media\\index.m3u8'));
    expect((await ask(handle, 'big.bin')).status).toBe(200);
  });
});

describe('content types', () => {
  it.each(TYPED)('%s is served as %s', async (name, type) => {
    const response = await get(name);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(name.endsWith('.svg') ? 'sandbox' : null);
    await response.body?.cancel();
  });
});
