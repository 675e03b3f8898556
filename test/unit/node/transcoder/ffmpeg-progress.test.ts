import { isProgressLine, parseProgressSeconds } from '../../../../src/node/transcoder/ffmpeg-progress';

test('reads out_time and nothing else', () => {
  expect(parseProgressSeconds('out_time=00:01:02.500000')).toBeCloseTo(62.5, 9);
  expect(parseProgressSeconds('out_time=01:00:00.000000')).toBe(3600);
  expect(parseProgressSeconds('out_time=N/A')).toBeUndefined();
  expect(parseProgressSeconds('out_time=-577014:32:22.775808')).toBeUndefined();
  expect(parseProgressSeconds('out_time_ms=62500000')).toBeUndefined();
  expect(parseProgressSeconds('frame=12')).toBeUndefined();
});

test('tells progress lines from messages', () => {
  expect(isProgressLine('progress=continue')).toBe(true);
  expect(isProgressLine('stream_0_0_q=28.0')).toBe(true);
  expect(isProgressLine('file:/x.mp4: Invalid data found when processing input')).toBe(false);
});
