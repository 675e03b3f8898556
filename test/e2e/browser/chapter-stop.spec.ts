import { expect, test } from '@playwright/test';
import {
  DEFAULT_FRAME_DURATION,
  isWithinChapter,
  nextFrameDuration,
  stillFrameTime,
} from '../../../renderer/src/film/chapter-stop';

// The frame-accurate stop's arithmetic, in plain Node (no browser): the renderer has no Jest environment.

const frame = 1 / 25;

test('the still frame is sought a millisecond before the end, never before the chapter start', () => {
  expect(stillFrameTime(6, 0)).toBeCloseTo(5.999, 6);
  expect(stillFrameTime(6, 6)).toBe(6);
});

test('the frame duration is learnt only from consecutive frames', () => {
  const at = (mediaTime: number, presentedFrames: number) => ({ mediaTime, presentedFrames });
  expect(nextFrameDuration(null, at(1, 10), DEFAULT_FRAME_DURATION)).toBe(DEFAULT_FRAME_DURATION);
  expect(nextFrameDuration(at(1, 10), at(1 + 1 / 30, 11), DEFAULT_FRAME_DURATION)).toBeCloseTo(1 / 30, 9);
  // A dropped frame (two presented apart) or a seek measures nothing.
  expect(nextFrameDuration(at(1, 10), at(1.08, 12), frame)).toBe(frame);
  expect(nextFrameDuration(at(1, 10), at(30, 11), frame)).toBe(frame);
});

test('a chapter change seeks unless the playhead is in the chapter or on the previous still frame', () => {
  const chapter = { start: 6, end: 22.16 };
  expect(isWithinChapter(5.999, chapter)).toBe(true);
  expect(isWithinChapter(10, chapter)).toBe(true);
  expect(isWithinChapter(22.16, chapter)).toBe(false);
  expect(isWithinChapter(2, chapter)).toBe(false);
  expect(isWithinChapter(5.999, chapter, 0)).toBe(false);
});
