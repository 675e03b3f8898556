import { routeHostPath, routeSchemeUrl } from '../../../../src/node/media-handler';

const HANDLE = '0123456789abcdef0123456789abcdef';

describe('routeSchemeUrl', () => {
  it('splits plenum://media/<handle>/<entry…>', () => {
    expect(routeSchemeUrl(new URL(`plenum://media/${HANDLE}/media/seg-00001.m4s`))).toEqual({
      handle: HANDLE,
      entry: 'media/seg-00001.m4s',
    });
  });

  it('decodes each segment on its own', () => {
    expect(routeSchemeUrl(new URL(`plenum://media/${HANDLE}/subs/n%62.vtt`))).toEqual({
      handle: HANDLE,
      entry: 'subs/nb.vtt',
    });
  });

  it('ignores a query string', () => {
    expect(routeSchemeUrl(new URL(`plenum://media/${HANDLE}/manifest.json?x=1`))?.entry).toBe(
      'manifest.json',
    );
  });

  it.each([
    ['another host', `plenum://other/${HANDLE}/manifest.json`],
    ['no entry', `plenum://media/${HANDLE}`],
    ['an empty entry', `plenum://media/${HANDLE}/`],
    ['a short handle', 'plenum://media/0123/manifest.json'],
    ['an uppercase handle', `plenum://media/${HANDLE.toUpperCase()}/manifest.json`],
    ['an encoded slash', `plenum://media/${HANDLE}/media%2Findex.m3u8`],
    ['..%2f', `plenum://media/${HANDLE}/media/..%2fmanifest.json`],
    ['%2e%2e%2f', `plenum://media/${HANDLE}/media/%2e%2e%2fmanifest.json`],
    ['a backslash', `plenum://media/${HANDLE}/media%5Cindex.m3u8`],
    ['a double slash', `plenum://media/${HANDLE}/media//index.m3u8`],
    ['a trailing slash', `plenum://media/${HANDLE}/media/`],
    ['a malformed escape', `plenum://media/${HANDLE}/media/%zz`],
    ['a space', `plenum://media/${HANDLE}/a%20b.png`],
    ['a NUL', `plenum://media/${HANDLE}/a%00.png`],
  ])('refuses %s', (_label, url) => {
    expect(routeSchemeUrl(new URL(url))).toBeNull();
  });

  it('never lets a dot segment climb out of the handle (the URL parser resolves it first)', () => {
    // plenum://media/<handle>/%2e%2e/x is parsed as plenum://media/x: no handle, so no route.
    expect(routeSchemeUrl(new URL(`plenum://media/${HANDLE}/%2e%2e/manifest.json`))).toBeNull();
    expect(routeSchemeUrl(new URL(`plenum://media/${HANDLE}/../manifest.json`))).toBeNull();
    // A single dot segment is resolved away too, harmlessly.
    expect(routeSchemeUrl(new URL(`plenum://media/${HANDLE}/media/%2e/index.m3u8`))?.entry).toBe(
      'media/index.m3u8',
    );
  });
});

describe('routeHostPath', () => {
  it('splits /media/<handle>/<entry…>', () => {
    expect(routeHostPath(new URL(`http://127.0.0.1:5000/media/${HANDLE}/media/index.m3u8`))).toEqual({
      handle: HANDLE,
      entry: 'media/index.m3u8',
    });
  });

  it.each([
    ['another prefix', `http://127.0.0.1/files/${HANDLE}/manifest.json`],
    ['the root', 'http://127.0.0.1/'],
    ['a dot segment resolved by the parser', `http://127.0.0.1/media/${HANDLE}/%2e%2e/%2e%2e/etc/passwd`],
    ['..%2f', `http://127.0.0.1/media/${HANDLE}/..%2fmanifest.json`],
    ['a double slash', `http://127.0.0.1/media/${HANDLE}//manifest.json`],
    ['an encoded backslash', `http://127.0.0.1/media/${HANDLE}/..%5cmanifest.json`],
  ])('refuses %s', (_label, url) => {
    expect(routeHostPath(new URL(url))).toBeNull();
  });
});
