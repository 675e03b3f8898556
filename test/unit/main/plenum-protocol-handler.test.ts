import { randomBytes } from 'node:crypto';
import { createPlenumProtocolHandler } from '../../../main/scheme/plenum-protocol-handler';
import { unlockCourseFile } from '../../../src/node/course-file';
import { createMediaHandler, routeMediaPath } from '../../../src/node/media-handler';
import { writeFixture } from '../../support/course-file-fixture';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

function setUp() {
  const ui = jest.fn(async (_request: Request) => new Response('ui'));
  const media = jest.fn(async (_request: Request) => new Response('media'));
  return { ui, media, handler: createPlenumProtocolHandler({ ui, media }) };
}

test('plenum://app goes to the UI', async () => {
  const { handler, ui, media } = setUp();
  expect(await (await handler(new Request('plenum://app/index.html'))).text()).toBe('ui');
  expect(ui).toHaveBeenCalledTimes(1);
  expect(media).not.toHaveBeenCalled();
});

test('plenum://app/media/... (same origin as the UI) reaches the media handler untouched: URL, method and Range kept', async () => {
  const { handler, media, ui } = setUp();
  for (const method of ['GET', 'HEAD']) {
    const request = new Request('plenum://app/media/h/film.m3u8?x=1', {
      method,
      headers: { Range: 'bytes=5-' },
    });
    expect(await (await handler(request)).text()).toBe('media');
    const forwarded = media.mock.calls.at(-1)?.[0];
    expect(forwarded).toBe(request);
    expect(forwarded?.url).toBe('plenum://app/media/h/film.m3u8?x=1');
    expect(forwarded?.method).toBe(method);
    expect(forwarded?.headers.get('range')).toBe('bytes=5-');
  }
  expect(media).toHaveBeenCalledTimes(2);
  expect(ui).not.toHaveBeenCalled();
});

test('plenum://media, the retired media host, is the 404 of an unknown host and reaches neither handler', async () => {
  const { handler, ui, media } = setUp();
  const unknown = await handler(new Request('plenum://evil/index.html'));
  for (const url of ['plenum://media/h/seg-1.m4s', 'plenum://media/media/h/seg-1.m4s', 'plenum://media/']) {
    const response = await handler(new Request(url, { headers: { Range: 'bytes=0-99' } }));
    expect(response.status).toBe(404);
    expect(Object.fromEntries(response.headers)).toEqual(Object.fromEntries(unknown.headers));
    expect(await response.text()).toBe('');
  }
  expect(ui).not.toHaveBeenCalled();
  expect(media).not.toHaveBeenCalled();
});

test('any other host is a 404 that reaches neither handler', async () => {
  const { handler, ui, media } = setUp();
  for (const url of ['plenum://evil/index.html', 'plenum://localhost/', 'plenum://app.media/x']) {
    expect((await handler(new Request(url))).status).toBe(404);
  }
  expect(ui).not.toHaveBeenCalled();
  expect(media).not.toHaveBeenCalled();
});

test('wired as main wires it (routeMediaPath), an unlocked entry is served on plenum://app/media only', async () => {
  const film = randomBytes(5000);
  const file = await unlockCourseFile(
    await writeFixture(tempDir(), [['media/film.bin', film]]),
    'riktig passord',
  );
  try {
    const handle = randomBytes(16).toString('hex');
    const media = createMediaHandler({
      resolve: (asked) => (asked === handle ? file : undefined),
      route: routeMediaPath,
    });
    const ui = jest.fn(async (_request: Request) => new Response('ui'));
    const handler = createPlenumProtocolHandler({ ui, media });

    const part = await handler(
      new Request(`plenum://app/media/${handle}/media/film.bin`, { headers: { Range: 'bytes=100-199' } }),
    );
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/5000');
    expect(Buffer.from(await part.arrayBuffer()).equals(film.subarray(100, 200))).toBe(true);
    const head = await handler(
      new Request(`plenum://app/media/${handle}/media/film.bin`, { method: 'HEAD' }),
    );
    expect([head.status, head.headers.get('content-length')]).toEqual([200, '5000']);

    for (const url of [
      `plenum://media/${handle}/media/film.bin`,
      `plenum://media/media/${handle}/media/film.bin`,
      `plenum://app/media/${handle}/media/..%2fmedia/film.bin`,
    ]) {
      expect([url, (await handler(new Request(url))).status]).toEqual([url, 404]);
    }
    expect(ui).not.toHaveBeenCalled();
  } finally {
    await file.close();
  }
});
