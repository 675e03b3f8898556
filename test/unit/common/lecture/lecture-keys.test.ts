import {
  lectureKeyAction,
  promptKeysOf,
  type LectureKey,
  type PromptKeys,
} from '../../../../src/common/lecture/lecture-keys';
import { initialLectureState } from '../../../../src/common/lecture/lecture-state';

const key = (name: string, extra: Partial<LectureKey> = {}): LectureKey => ({
  key: name,
  repeat: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});
const idle = { typing: false, blank: false, board: false, keysOpen: false, prompts: null };
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

  test.each([
    ['w', 'white'],
    ['W', 'white'],
    [',', 'white'],
    ['h', 'holding'],
    ['H', 'holding'],
  ])('%j covers the room with the %s screen', (name, screen) => {
    expect(lectureKeyAction(key(name), idle)).toEqual({
      kind: 'command',
      command: { type: 'blank', screen },
    });
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

  describe('prompt keys (a discussion of four prompts)', () => {
    const at = (index: number, mode: PromptKeys['mode'] = 'one') => ({
      ...idle,
      prompts: { count: 4, index, mode },
    });
    // The keys name a step, not a prompt: the reducer pages from the prompt main holds (see lecture-state).
    const next = { kind: 'command', command: { type: 'next-prompt' } };
    const previous = { kind: 'command', command: { type: 'previous-prompt' } };
    const mode = (value: string) => ({ kind: 'command', command: { type: 'set-prompt-mode', mode: value } });

    test('ArrowDown shows the next prompt and ArrowUp the previous, up to the first and last', () => {
      expect(lectureKeyAction(key('ArrowDown'), at(0))).toEqual(next);
      expect(lectureKeyAction(key('ArrowDown'), at(2))).toEqual(next);
      expect(lectureKeyAction(key('ArrowUp'), at(2))).toEqual(previous);
      // Past either end the key is not the lecture's, so it scrolls a panel as usual.
      expect(lectureKeyAction(key('ArrowDown'), at(3))).toBeNull();
      expect(lectureKeyAction(key('ArrowUp'), at(0))).toBeNull();
    });

    test('A shows all prompts, and one at a time again; from all, either arrow goes back to one', () => {
      expect(lectureKeyAction(key('a'), at(1))).toEqual(mode('all'));
      expect(lectureKeyAction(key('A'), at(1, 'all'))).toEqual(mode('one'));
      expect(lectureKeyAction(key('ArrowDown'), at(1, 'all'))).toEqual(next);
      expect(lectureKeyAction(key('ArrowUp'), at(1, 'all'))).toEqual(previous);
      // With a single prompt there is nothing to page or to show all of.
      const single = { ...idle, prompts: { count: 1, index: 0, mode: 'one' as const } };
      for (const name of ['a', 'ArrowDown', 'ArrowUp'])
        expect(lectureKeyAction(key(name), single)).toBeNull();
    });

    test('outside a discussion, while typing, blanked or with the keys list open, the prompt keys do not page', () => {
      for (const name of ['ArrowDown', 'ArrowUp', 'a']) {
        expect(lectureKeyAction(key(name), idle)).toBeNull();
        expect(lectureKeyAction(key(name), { ...at(1), typing: true })).toBeNull();
        expect(lectureKeyAction(key(name), { ...at(1), keysOpen: true })).toBeNull();
        expect(lectureKeyAction(key(name), { ...at(1), blank: true })).toEqual(command('unblank'));
        expect(lectureKeyAction(key(name, { repeat: true }), at(1))).toBeNull();
      }
    });

    test('promptKeysOf reads the discussion from the lecture state, and nothing outside one', () => {
      const course = {
        chapters: [
          { id: 'a', start: 0, pause: true, prompts: 3, links: 0, statements: 0 },
          { id: 'b', start: 10, pause: true, prompts: 0, links: 0, statements: 0 },
        ],
      };
      const state = initialLectureState('all');
      expect(promptKeysOf(state, course)).toBeNull();
      const discussing = (chapter: number) => ({
        ...state,
        phase: { kind: 'discussing' as const, chapter, promptIndex: 2, since: 0 },
      });
      expect(promptKeysOf(discussing(0), course)).toEqual({ count: 3, index: 2, mode: 'all' });
      expect(promptKeysOf(discussing(1), course)).toBeNull();
      expect(promptKeysOf({ ...state, phase: { kind: 'playing', chapter: 0 } }, course)).toBeNull();
    });
  });

  test('O opens the chapter overview, and does nothing else while the keys list is open', () => {
    expect(lectureKeyAction(key('o'), idle)).toEqual({ kind: 'toggle-chapters' });
    expect(lectureKeyAction(key('O'), idle)).toEqual({ kind: 'toggle-chapters' });
    expect(lectureKeyAction(key('o'), { ...idle, keysOpen: true })).toBeNull();
    expect(lectureKeyAction(key('o'), { ...idle, typing: true })).toBeNull();
  });
});
