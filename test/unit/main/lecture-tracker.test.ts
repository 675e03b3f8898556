import {
  initialLectureState,
  type LecturePhase,
  type LectureState,
} from '../../../src/common/lecture/lecture-state';
import { createDisplayAwake } from '../../../main/lecture/display-awake';
import { createLectureTracker, keepsDisplayAwake } from '../../../main/lecture/lecture-tracker';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const state = (phase: LecturePhase, blank = false): LectureState => ({
  ...initialLectureState(),
  phase,
  blank,
  revision: 1,
});
const ok = (value: unknown) => ({ ok: true as const, value });

test('the display stays awake while playing, paused in a chapter, discussing or in a break', () => {
  expect(keepsDisplayAwake({ kind: 'ready' })).toBe(false);
  expect(keepsDisplayAwake({ kind: 'playing', chapter: 0 })).toBe(true);
  expect(keepsDisplayAwake({ kind: 'paused', chapter: 1 })).toBe(true);
  expect(keepsDisplayAwake({ kind: 'discussing', chapter: 0, promptIndex: 0, since: 0 })).toBe(true);
  expect(keepsDisplayAwake({ kind: 'break', after: 2, minutes: 10, since: 0 })).toBe(true);
  expect(keepsDisplayAwake({ kind: 'finished' })).toBe(false);
});

test('follows unlock, commands, events and lock; the clicker drives the most recently opened course', () => {
  const tracker = createLectureTracker();
  expect(tracker.current()).toBeNull();
  tracker.observeResult('course.unlock', {}, ok({ handle: A, lecture: state({ kind: 'ready' }) }));
  tracker.observeResult('course.unlock', {}, ok({ handle: B, lecture: state({ kind: 'ready' }) }));
  expect(tracker.current()).toBe(B);
  expect(tracker.anyRunning()).toBe(false);
  tracker.observeResult('lecture.command', { handle: A }, ok(state({ kind: 'playing', chapter: 0 })));
  expect(tracker.anyRunning()).toBe(true);
  tracker.observeEvent('lecture.state', { handle: A, state: state({ kind: 'finished' }, true) });
  expect(tracker.state(A)?.blank).toBe(true);
  expect(tracker.anyRunning()).toBe(false);
  tracker.observeResult('course.lock', { handle: B }, ok(null));
  expect(tracker.current()).toBe(A);
  tracker.observeResult('course.lock', { handle: A }, ok(null));
  expect(tracker.current()).toBeNull();
});

test('failed calls, other channels and malformed payloads change nothing', () => {
  const tracker = createLectureTracker();
  tracker.observeResult('course.unlock', {}, { ok: false, error: { code: 'forbidden' } });
  tracker.observeResult('library.list', {}, ok([]));
  tracker.observeResult('lecture.command', { handle: A }, ok(state({ kind: 'playing', chapter: 0 })));
  tracker.observeEvent('lecture.state', null);
  tracker.observeEvent('lecture.state', { handle: A, state: 'nonsense' });
  tracker.observeEvent('library.changed', { handle: A, state: state({ kind: 'playing', chapter: 0 }) });
  expect(tracker.current()).toBeNull();
  expect(tracker.anyRunning()).toBe(false);
});

test('one display blocker, started and stopped once however often it is asked', () => {
  const blocker = { start: jest.fn(() => 7), stop: jest.fn() };
  const awake = createDisplayAwake(blocker);
  awake.set(true);
  awake.set(true);
  expect(blocker.start).toHaveBeenCalledTimes(1);
  expect(blocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  expect(awake.isAwake()).toBe(true);
  awake.set(false);
  awake.set(false);
  expect(blocker.stop).toHaveBeenCalledTimes(1);
  expect(blocker.stop).toHaveBeenCalledWith(7);
  expect(awake.isAwake()).toBe(false);
});
