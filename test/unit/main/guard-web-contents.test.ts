import type { WebContents } from 'electron';
import { guardWebContents } from '../../../main/security/guard-web-contents';
import { fakeEvent, FakeWebContents } from '../../support/electron-mock';

function guarded(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as WebContents);
  return contents;
}

test.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
  '%s to another origin is prevented',
  (name) => {
    const contents = guarded();
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'plenum://media/abc/film.m3u8',
      // Media entries and assets share the UI's origin, but a window never shows them on their own.
      'plenum://app/media/abc/film.m3u8',
      'plenum://app/media/abc/media/seg-00001.m4s',
      'PLENUM://APP/media/abc/poster.jpg',
      'plenum://app/index.html/../media/abc/film.m3u8',
      'plenum://app/assets/app.js',
      'plenum://app.evil/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const event = fakeEvent({ url });
      contents.emit(name, event);
      expect([url, event.defaultPrevented]).toEqual([url, true]);
    }
  },
);

test.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
  '%s within the UI origin is allowed',
  (name) => {
    const contents = guarded();
    for (const url of [
      'plenum://app/index.html#/lecture',
      'plenum://app/index.html?view=audience',
      'plenum://app/',
    ]) {
      const event = fakeEvent({ url });
      contents.emit(name, event);
      expect([url, event.defaultPrevented]).toEqual([url, false]);
    }
  },
);

test('window.open is denied, even for https links (those go through shell.openLink)', () => {
  const contents = guarded();
  for (const url of ['https://example.com/', 'plenum://app/index.html', 'about:blank']) {
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  }
});

test('a <webview> is never attached', () => {
  const contents = guarded();
  const event = fakeEvent();
  contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
  expect(event.defaultPrevented).toBe(true);
});

test('the Bluetooth chooser picks no device: Chromium would otherwise take the first one', () => {
  const contents = guarded();
  const event = fakeEvent();
  const answers: string[] = [];
  contents.emit('select-bluetooth-device', event, [{ deviceId: 'b1', deviceName: 'speaker' }], (id: string) =>
    answers.push(id),
  );
  expect(event.defaultPrevented).toBe(true);
  expect(answers).toEqual(['']);
});

test('guards are attached once however often they are applied', () => {
  const contents = guarded();
  guardWebContents(contents as unknown as WebContents);
  expect(contents.listenerCount('will-navigate')).toBe(1);
});
