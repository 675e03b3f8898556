import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_CONTENT_SECURITY_POLICY } from '../../../../src/node/app/content-security-policy';
import { createHostPages, withClientScript } from '../../../../src/node/host/host-pages';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();

test('the client script goes right after the <head> tag, attributes and case as written', () => {
  const script = '<script src="/plenum-client.js"></script>';
  expect(withClientScript('<html><head><title>x</title></head></html>')).toBe(
    `<html><head>${script}<title>x</title></head></html>`,
  );
  expect(withClientScript('<HTML><HEAD data-x="1"><script src="a.js"></script>')).toBe(
    `<HTML><HEAD data-x="1">${script}<script src="a.js"></script>`,
  );
  // <header> is not <head>.
  expect(withClientScript('<header>x</header>')).toBe('<header>x</header>');
});

test('only 200 HTML pages change; HEAD gets the changed page’s length and no body', async () => {
  const root = join(tempDir(), 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<head></head>');
  writeFileSync(join(root, 'app.js'), '"<head>"');
  const pages = createHostPages(root);
  const get = await pages(new Request('http://127.0.0.1:1/'));
  const expected = '<head><script src="/plenum-client.js"></script></head>';
  expect(await get.text()).toBe(expected);
  expect(get.headers.get('content-length')).toBe(String(expected.length));
  expect(get.headers.get('content-security-policy')).toBe(UI_CONTENT_SECURITY_POLICY);
  const head = await pages(new Request('http://127.0.0.1:1/index.html', { method: 'HEAD' }));
  expect(head.headers.get('content-length')).toBe(String(expected.length));
  expect(await head.text()).toBe('');
  expect(await (await pages(new Request('http://127.0.0.1:1/app.js'))).text()).toBe('"<head>"');
  const missing = await pages(new Request('http://127.0.0.1:1/missing.html'));
  expect(missing.status).toBe(404);
  expect(await missing.text()).toBe('');
});
