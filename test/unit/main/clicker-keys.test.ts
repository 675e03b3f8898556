import { clickerAction } from '../../../main/lecture/clicker-keys';
import type { KeyInput } from '../../../main/lecture/clicker-keys';

const key = (name: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: name,
  isAutoRepeat: false,
  isComposing: false,
  control: false,
  alt: false,
  meta: false,
  ...extra,
});
const idle = { typing: false, blank: false };
const lecture = (type: string) => ({ kind: 'lecture', command: { type } });

test.each([
  ['PageDown', 'next'],
  ['ArrowRight', 'next'],
  ['PageUp', 'previous'],
  ['ArrowLeft', 'previous'],
  [' ', 'toggle-play'],
  ['b', 'blank'],
  ['B', 'blank'],
  ['.', 'blank'],
])('%j is %s', (name, type) => {
  expect(clickerAction(key(name), idle)).toEqual(lecture(type));
});

test('F toggles full screen and Escape leaves it', () => {
  expect(clickerAction(key('f'), idle)).toEqual({ kind: 'window', action: 'toggle-full-screen' });
  expect(clickerAction(key('F'), idle)).toEqual({ kind: 'window', action: 'toggle-full-screen' });
  expect(clickerAction(key('Escape'), idle)).toEqual({ kind: 'window', action: 'leave-full-screen' });
});

test('while blanked, every lecture key brings the picture back first', () => {
  for (const name of ['PageDown', 'PageUp', ' ', 'b', '.', 'ArrowLeft']) {
    expect(clickerAction(key(name), { typing: false, blank: true })).toEqual(lecture('unblank'));
  }
  expect(clickerAction(key('f'), { typing: false, blank: true })).toEqual({
    kind: 'window',
    action: 'toggle-full-screen',
  });
});

test('other keys, key-ups, repeats, composition and shortcuts are left to the page', () => {
  for (const name of ['a', 'Enter', 'Tab', 'F5', 'ArrowUp', 'Home'])
    expect(clickerAction(key(name), idle)).toBeNull();
  expect(clickerAction(key('PageDown', { type: 'keyUp' }), idle)).toBeNull();
  expect(clickerAction(key('PageDown', { isAutoRepeat: true }), idle)).toBeNull();
  expect(clickerAction(key(' ', { isComposing: true }), idle)).toBeNull();
  expect(clickerAction(key('f', { control: true }), idle)).toBeNull();
  expect(clickerAction(key('b', { meta: true }), idle)).toBeNull();
  expect(clickerAction(key('ArrowRight', { alt: true }), idle)).toBeNull();
});

test('while typing a note only PageUp, PageDown and Escape act', () => {
  const typing = { typing: true, blank: false };
  for (const name of [' ', 'b', 'B', '.', 'f', 'ArrowLeft', 'ArrowRight'])
    expect(clickerAction(key(name), typing)).toBeNull();
  expect(clickerAction(key('PageDown'), typing)).toEqual(lecture('next'));
  expect(clickerAction(key('PageUp'), typing)).toEqual(lecture('previous'));
  expect(clickerAction(key('Escape'), typing)).toEqual({ kind: 'window', action: 'leave-full-screen' });
});
