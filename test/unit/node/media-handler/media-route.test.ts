import { routeMediaPath } from '../../../../src/node/media-handler';

const HANDLE = '0123456789abcdef0123456789abcdef';

/** The two origins media is served from: Electron's UI origin and the loopback host. */
describe.each([['plenum://app'], ['http://127.0.0.1:5000']])('routeMediaPath on %s', (origin) => {
  const route = (path: string) => routeMediaPath(new URL(`${origin}${path}`));

  it('splits /media/<handle>/<entry…>', () => {
    expect(route(`/media/${HANDLE}/media/seg-00001.m4s`)).toEqual({
      handle: HANDLE,
      entry: 'media/seg-00001.m4s',
    });
    expect(route(`/media/${HANDLE}/media/index.m3u8`)).toEqual({ handle: HANDLE, entry: 'media/index.m3u8' });
  });

  it('decodes each segment on its own', () => {
    expect(route(`/media/${HANDLE}/subs/n%62.vtt`)).toEqual({ handle: HANDLE, entry: 'subs/nb.vtt' });
  });

  it('ignores a query string', () => {
    expect(route(`/media/${HANDLE}/manifest.json?x=1`)?.entry).toBe('manifest.json');
  });

  it.each([
    ['another prefix', `/files/${HANDLE}/manifest.json`],
    ['no prefix (the path the retired plenum://media host had)', `/${HANDLE}/manifest.json`],
    ['the root', '/'],
    ['the prefix alone', '/media/'],
    ['no entry', `/media/${HANDLE}`],
    ['an empty entry', `/media/${HANDLE}/`],
    ['a short handle', '/media/0123/manifest.json'],
    ['an uppercase handle', `/media/${HANDLE.toUpperCase()}/manifest.json`],
    ['an encoded slash', `/media/${HANDLE}/media%2Findex.m3u8`],
    ['..%2f', `/media/${HANDLE}/media/..%2fmanifest.json`],
    ['..%2f right after the handle', `/media/${HANDLE}/..%2fmanifest.json`],
    ['%2e%2e%2f', `/media/${HANDLE}/media/%2e%2e%2fmanifest.json`],
    ['a backslash', `/media/${HANDLE}/media%5Cindex.m3u8`],
    ['an encoded backslash after ..', `/media/${HANDLE}/..%5cmanifest.json`],
    ['a double slash', `/media/${HANDLE}/media//index.m3u8`],
    ['a double slash right after the handle', `/media/${HANDLE}//manifest.json`],
    ['a trailing slash', `/media/${HANDLE}/media/`],
    ['a malformed escape', `/media/${HANDLE}/media/%zz`],
    ['a space', `/media/${HANDLE}/a%20b.png`],
    ['a NUL', `/media/${HANDLE}/a%00.png`],
    ['dot segments resolved by the parser', `/media/${HANDLE}/%2e%2e/%2e%2e/etc/passwd`],
  ])('refuses %s', (_label, path) => {
    expect(route(path)).toBeNull();
  });

  it('never lets a dot segment climb out of the handle (the URL parser resolves it first)', () => {
    // /media/<handle>/%2e%2e/x is parsed as /media/x: no handle, so no route.
    expect(route(`/media/${HANDLE}/%2e%2e/manifest.json`)).toBeNull();
    expect(route(`/media/${HANDLE}/../manifest.json`)).toBeNull();
    // A single dot segment is resolved away too, harmlessly.
    expect(route(`/media/${HANDLE}/media/%2e/index.m3u8`)?.entry).toBe('media/index.m3u8');
  });
});

describe('routeMediaPath and the retired media host', () => {
  it.each([
    ['plenum://media/<handle>/<entry>', `plenum://media/${HANDLE}/manifest.json`],
    ['another host', `plenum://other/${HANDLE}/manifest.json`],
  ])('refuses %s: it has no /media/ prefix', (_label, url) => {
    expect(routeMediaPath(new URL(url))).toBeNull();
  });
});
