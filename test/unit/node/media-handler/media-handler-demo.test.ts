import { resolve } from 'node:path';
import { unlockCourseFile, type UnlockedCourseFile } from '../../../../src/node/course-file';
import { buildDemoCourse } from '../../../../src/node/demo/build-demo-course';
import { createMediaHandler, routeMediaPath } from '../../../../src/node/media-handler';
import type { MediaHandler } from '../../../../src/node/media-handler';
import { bodyOf, newHandle } from './media-handler-fixture';

/**
 * The demo film, served the way hls.js asks for it. The demo course is the one `npm run demo` keeps in
 * out/demo: reused when its sources are unchanged, built (about 25 s) when they are not.
 */
const ROOT = resolve(__dirname, '../../../..');
let file: UnlockedCourseFile;

beforeAll(async () => {
  const built = await buildDemoCourse({
    variant: 'short',
    sourceFolder: resolve(ROOT, 'assets/demo-course'),
    outDir: resolve(ROOT, 'out/demo'),
  });
  file = await unlockCourseFile(built.path, built.password);
}, 120_000);

afterAll(async () => {
  await file?.close();
});

/** The URIs hls.js fetches for a VOD media playlist: EXT-X-MAP's URI, then every segment line, in order. */
function playlistUris(playlist: string): { init: string; segments: string[] } {
  const lines = playlist.split('\n').map((line) => line.trim());
  const map = lines.find((line) => line.startsWith('#EXT-X-MAP:'));
  const init = /URI="([^"]+)"/.exec(map ?? '')?.[1];
  if (!init) throw new Error('no EXT-X-MAP URI');
  return { init, segments: lines.filter((line) => line !== '' && !line.startsWith('#')) };
}

describe.each([
  ['the plenum scheme', (handle: string) => `plenum://app/media/${handle}/media/index.m3u8`],
  ['the loopback host', (handle: string) => `http://127.0.0.1:43117/media/${handle}/media/index.m3u8`],
])('the demo film through %s', (_label, playlistUrl) => {
  it('serves the request sequence hls.js makes, byte for byte', async () => {
    const handle = newHandle();
    const handler: MediaHandler = createMediaHandler({
      resolve: (asked) => (asked === handle ? file : undefined),
      route: routeMediaPath,
    });
    const requested: string[] = [];
    const fetchWhole = async (url: string): Promise<Buffer> => {
      const response = await handler(new Request(url));
      expect(response.status).toBe(200);
      const body = await bodyOf(response);
      expect(response.headers.get('content-length')).toBe(String(body.length));
      const entry = routeMediaPath(new URL(url))?.entry ?? '';
      requested.push(entry);
      expect(body.equals(await file.readAll(entry))).toBe(true);
      return body;
    };

    const playlistAt = playlistUrl(handle);
    const playlist = (await fetchWhole(playlistAt)).toString('utf8');
    // hls.js would only send Range requests for EXT-X-BYTERANGE, and must never get a key from us.
    expect(playlist).not.toMatch(/#EXT-X-(BYTERANGE|KEY)/);
    const { init, segments } = playlistUris(playlist);
    expect(segments.length).toBeGreaterThan(10);
    // Relative URIs resolve against the playlist URL, exactly as hls.js resolves them.
    await fetchWhole(new URL(init, playlistAt).href);
    for (const segment of segments) await fetchWhole(new URL(segment, playlistAt).href);

    const served = new Set(requested);
    const film = file
      .entries()
      .map((entry) => entry.name)
      .filter((name) => name.startsWith('media/'));
    expect([...served].sort()).toEqual([...film].sort());
  });

  it('serves each segment with its media type, and the subtitles', async () => {
    const handle = newHandle();
    const handler = createMediaHandler({
      resolve: (asked) => (asked === handle ? file : undefined),
      route: routeMediaPath,
    });
    const at = (entry: string) => new URL(`../${entry}`, playlistUrl(handle)).href;
    const types = await Promise.all(
      ['media/index.m3u8', 'media/init.mp4', 'media/seg-00000.m4s', 'subs/nb.vtt', 'manifest.json'].map(
        async (entry) => {
          const response = await handler(new Request(at(entry), { method: 'HEAD' }));
          return response.headers.get('content-type');
        },
      ),
    );
    expect(types).toEqual([
      'application/vnd.apple.mpegurl',
      'video/mp4',
      'video/iso.segment',
      'text/vtt; charset=utf-8',
      'application/json',
    ]);
  });
});
