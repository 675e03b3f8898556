import { AUDIENCE_ENTRY_URL } from '../../../main/scheme/plenum-scheme';
import { isAllowedRequestUrl, isUiPageUrl, isUiUrl } from '../../../main/security/url-policy';

test('the UI origin is plenum://app and nothing else', () => {
  expect(isUiUrl('plenum://app/index.html')).toBe(true);
  expect(isUiUrl('plenum://app/')).toBe(true);
  expect(isUiUrl('PLENUM://APP/index.html')).toBe(true);
  // The audience window's page: the same origin, so its IPC is answered and it may navigate within the UI.
  expect(isUiUrl(AUDIENCE_ENTRY_URL)).toBe(true);
  for (const url of [
    'plenum://media/a',
    'plenum://app.x/',
    'plenum://x@app/',
    'https://app/',
    'file:///app/',
    'app',
    '',
  ]) {
    expect([url, isUiUrl(url)]).toEqual([url, false]);
  }
});

test('a window may show only the UI page, never a media entry or an asset of its origin', () => {
  for (const url of [
    'plenum://app/',
    'plenum://app/index.html',
    AUDIENCE_ENTRY_URL,
    'plenum://app/index.html#/x',
  ]) {
    expect([url, isUiPageUrl(url)]).toEqual([url, true]);
  }
  for (const url of [
    'plenum://app/media/h/film.m3u8',
    'plenum://app/media/',
    'plenum://app/./media/h/poster.jpg',
    'plenum://app/assets/index.js',
    'plenum://media/h/film.m3u8',
    'plenum://x@app/index.html',
    'https://app/index.html',
    'nonsense',
  ]) {
    expect([url, isUiPageUrl(url)]).toEqual([url, false]);
  }
});

test('only local schemes may be requested', () => {
  for (const url of [
    'plenum://app/a.js',
    'plenum://media/h/s.m4s',
    'data:,x',
    'blob:plenum://app/u',
    'devtools://devtools/x',
  ]) {
    expect([url, isAllowedRequestUrl(url)]).toEqual([url, true]);
  }
  for (const url of [
    'http://a/',
    'https://a/',
    'ws://a/',
    'wss://a/',
    'ftp://a/',
    'file:///a',
    'chrome://gpu',
    'bogus',
  ]) {
    expect([url, isAllowedRequestUrl(url)]).toEqual([url, false]);
  }
});
