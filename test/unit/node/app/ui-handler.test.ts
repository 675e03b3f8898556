import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_CONTENT_SECURITY_POLICY } from '../../../../src/node/app/content-security-policy';
import { createUiHandler } from '../../../../src/node/app/ui-handler';
import { uiPathSegments } from '../../../../src/node/app/ui-path';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('plenum-ui-');

function setUp() {
  const root = join(tempDir(), 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app 2.css'), 'body{}');
  writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
  return createUiHandler(root);
}

const get = (url: string, method = 'GET') => new Request(url, { method });

test('serves the entry page at / and by name, with the CSP and the other headers', async () => {
  const handler = setUp();
  for (const url of ['plenum://app/', 'plenum://app/index.html']) {
    const response = await handler(get(url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-security-policy': UI_CONTENT_SECURITY_POLICY,
      'content-type': 'text/html; charset=utf-8',
      'content-length': '15',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
  }
});

test("the audience window's page is the entry page: the query picks the view, not the file", async () => {
  const handler = setUp();
  const response = await handler(get('plenum://app/index.html?view=audience'));
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('<!doctype html>');
  expect(response.headers.get('content-security-policy')).toBe(UI_CONTENT_SECURITY_POLICY);
});

test("serves the loopback host's URLs the same way: the handler reads only the path", async () => {
  const handler = setUp();
  const response = await handler(get('http://127.0.0.1:4321/assets/app-1.js'));
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('console.log(1)');
  expect(response.headers.get('content-security-policy')).toBe(UI_CONTENT_SECURITY_POLICY);
  expect((await handler(get('http://127.0.0.1:4321/../secret.txt'))).status).toBe(404);
});

test('serves assets with their types, including percent-encoded names', async () => {
  const handler = setUp();
  const script = await handler(get('plenum://app/assets/app-1.js'));
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  const style = await handler(get('plenum://app/assets/app%202.css'));
  expect(await style.text()).toBe('body{}');
  expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
});

test('HEAD answers headers only; other methods are 405', async () => {
  const handler = setUp();
  const head = await handler(get('plenum://app/index.html', 'HEAD'));
  expect(head.status).toBe(200);
  expect(head.headers.get('content-length')).toBe('15');
  expect(await head.text()).toBe('');
  const post = await handler(get('plenum://app/index.html', 'POST'));
  expect(post.status).toBe(405);
  expect(post.headers.get('content-security-policy')).toBe(UI_CONTENT_SECURITY_POLICY);
});

test.each([
  'plenum://app/../secret.txt',
  'plenum://app/%2e%2e/secret.txt',
  'plenum://app/assets/..%2f..%2fsecret.txt',
  'plenum://app/..%5csecret.txt',
  'plenum://app/assets/%00.js',
  'plenum://app/C:%5cWindows%5cwin.ini',
  'plenum://app/assets/',
  'plenum://app/assets',
  'plenum://app/missing.js',
  'plenum://app/%E0%A4%A',
])('%s is a 404 with the CSP', async (url) => {
  const handler = setUp();
  const response = await handler(get(url));
  expect(response.status).toBe(404);
  expect(response.headers.get('content-security-policy')).toBe(UI_CONTENT_SECURITY_POLICY);
  expect(await response.text()).toBe('');
});

test('a symbolic link that leads out of the folder is a 404', async () => {
  const handler = setUp();
  symlinkSync(join(tempDir(), 'secret.txt'), join(tempDir(), 'renderer', 'assets', 'link.txt'));
  expect((await handler(get('plenum://app/assets/link.txt'))).status).toBe(404);
});

test('path segments: refused forms', () => {
  expect(uiPathSegments('/')).toEqual(['index.html']);
  expect(uiPathSegments('/a/b.js')).toEqual(['a', 'b.js']);
  expect(uiPathSegments('/a%20b')).toEqual(['a b']);
  for (const path of [
    '/..',
    '/a/../b',
    '/a/./b',
    '//a',
    '/a//b',
    '/a/',
    '/%2e%2e',
    '/a%2fb',
    '/a%5cb',
    '/a%00',
    '/c:',
    'a',
    '/%zz',
  ]) {
    expect([path, uiPathSegments(path)]).toEqual([path, null]);
  }
});
