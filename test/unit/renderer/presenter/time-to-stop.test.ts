import { timeToStop } from '../../../../renderer/src/presenter/time-to-stop';

describe('the countdown to a chapter’s stop', () => {
  const chapter = { start: 34.24, end: 38.72, pause: true };

  test('counts from the playhead to the chapter’s end', () => {
    expect(timeToStop(chapter, 36).seconds).toBeCloseTo(2.72, 6);
    expect(timeToStop(chapter, 38.72)).toEqual({ kind: 'stops', seconds: 0 });
  });

  test('a playhead not yet at the chapter counts from its start; one past its end counts as 0', () => {
    expect(timeToStop(chapter, 3).seconds).toBeCloseTo(4.48, 6);
    expect(timeToStop(chapter, 50).seconds).toBe(0);
  });

  test('a chapter that does not stop says it runs on', () => {
    expect(timeToStop({ ...chapter, pause: false }, 36).kind).toBe('runs-on');
  });
});
