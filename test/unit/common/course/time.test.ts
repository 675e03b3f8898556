import fc from 'fast-check';
import { formatTime, parseTime } from '../../../../src/common/course/time';

describe('parseTime', () => {
  test.each([
    ['07:23', 443],
    ['00:00', 0],
    ['7:23', 443],
    ['90:00', 5400],
    ['1:02:03', 3723],
    ['01:02:03', 3723],
    ['07:23.5', 443.5],
    ['07:23.05', 443.05],
    ['07:23.123', 443.123],
    ['1:02:03.4', 3723.4],
    [' 07:23 ', 443],
    [0, 0],
    [443.5, 443.5],
  ])('%p is %p seconds', (value, seconds) => {
    expect(parseTime(value)).toBe(seconds);
  });

  test.each([
    ['12:5x'],
    ['07:60'],
    ['1:60:00'],
    ['7:3'],
    ['07:23.1234'],
    ['07:23.'],
    ['1:2:3'],
    ['-01:00'],
    ['443'],
    [''],
    [-1],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [undefined],
    [true],
    [{ seconds: 1 }],
  ])('%p is not a time', (value) => {
    expect(parseTime(value)).toBeNull();
  });
});

describe('formatTime', () => {
  test.each([
    [443, undefined, '07:23'],
    [3723, undefined, '1:02:03'],
    [443.5, { millis: true }, '07:23.500'],
    [443.9, undefined, '07:23'],
    [443.9999999, undefined, '07:24'],
    [0, { millis: true }, '00:00.000'],
    [36000, undefined, '10:00:00'],
  ])('%p with %p is %p', (seconds, options, text) => {
    expect(formatTime(seconds, options)).toBe(text);
  });

  test('refuses negative and non-finite numbers', () => {
    expect(() => formatTime(-1)).toThrow(RangeError);
    expect(() => formatTime(Number.NaN)).toThrow(RangeError);
  });

  test('round-trips whole milliseconds through parseTime', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 * 1000 }), (millis) => {
        expect(parseTime(formatTime(millis / 1000, { millis: true }))).toBe(millis / 1000);
      }),
    );
  });

  test('round-trips whole seconds through parseTime without milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 }), (seconds) => {
        expect(parseTime(formatTime(seconds))).toBe(seconds);
      }),
    );
  });
});
