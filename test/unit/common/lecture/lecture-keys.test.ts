import { lectureKeyAction, type LectureKey } from '../../../../src/common/lecture/lecture-keys';

const key = (name: string, extra: Partial<LectureKey> = {}): LectureKey => ({
  key: name,
  repeat: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});
const idle = { typing: false, blank: false, board: false, keysOpen: false };
const command = (type: string) => ({ kind: 'command', command: { type } });

describe('the one key map (every window and main’s clicker)', () => {
  test.each([
    ['PageDown', 'next'],
    ['ArrowRight', 'next'],
    ['n', 'next'],
    ['PageUp', 'previous'],
    ['ArrowLeft', 'previous'],
    ['p', 'previous'],
    [' ', 'toggle-play'],
    ['k', 'toggle-play'],
    ['b', 'blank'],
    ['B', 'blank'],
    ['.', 'blank'],
  ])('%j is %s', (name, type) => {
    expect(lectureKeyAction(key(name), idle)).toEqual(command(type));
  });

  test('Back carries no playhead: main decides whether it is near the chapter start', () => {
    expect(lectureKeyAction(key('PageUp'), idle)).toEqual({ kind: 'command', command: { type: 'previous' } });
  });

  test('digits jump to chapters; F, Escape, S and ? are the window’s own', () => {
    expect(lectureKeyAction(key('3'), idle)).toEqual({
      kind: 'command',
      command: { type: 'go-to-chapter', chapter: 2 },
    });
    expect(lectureKeyAction(key('0'), idle)).toEqual({
      kind: 'command',
      command: { type: 'go-to-chapter', chapter: 9 },
    });
    expect(lectureKeyAction(key('f'), idle)).toEqual({ kind: 'toggle-fullscreen' });
    expect(lectureKeyAction(key('Escape'), idle)).toEqual({ kind: 'leave-fullscreen' });
    expect(lectureKeyAction(key('s'), idle)).toEqual({ kind: 'toggle-subtitles' });
    expect(lectureKeyAction(key('?'), idle)).toEqual({ kind: 'toggle-keys' });
  });

  test('while blanked, any key only brings the picture back', () => {
    for (const name of ['PageDown', 'PageUp', ' ', 'b', '.', 'f', 'a'])
      expect(lectureKeyAction(key(name), { ...idle, blank: true })).toEqual(command('unblank'));
  });

  test('while typing, only a clicker’s keys act (they never type or move a caret)', () => {
    const typing = { ...idle, typing: true };
    for (const name of [' ', 'n', 'b', 'f', '3', 'ArrowLeft'])
      expect(lectureKeyAction(key(name), typing)).toBeNull();
    expect(lectureKeyAction(key('PageDown'), typing)).toEqual(command('next'));
    expect(lectureKeyAction(key('PageUp'), typing)).toEqual(command('previous'));
  });

  test('repeats and shortcuts are left alone; with the keys list open only Esc and ? count', () => {
    expect(lectureKeyAction(key('PageDown', { repeat: true }), idle)).toBeNull();
    expect(lectureKeyAction(key('n', { ctrlKey: true }), idle)).toBeNull();
    expect(lectureKeyAction(key('r', { metaKey: true }), idle)).toBeNull();
    for (const name of ['a', 'Enter', 'Tab', 'F5', 'ArrowUp', 'Home'])
      expect(lectureKeyAction(key(name), idle)).toBeNull();
    const open = { ...idle, keysOpen: true };
    expect(lectureKeyAction(key('PageDown'), open)).toBeNull();
    expect(lectureKeyAction(key('Escape'), open)).toEqual({ kind: 'toggle-keys' });
  });

  test('T shows the class board, and hides it again when it is shown', () => {
    expect(lectureKeyAction(key('t'), idle)).toEqual(command('show-board'));
    expect(lectureKeyAction(key('T'), { ...idle, board: true })).toEqual(command('hide-board'));
  });
});
