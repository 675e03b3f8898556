import fc from 'fast-check';
import {
  MIN_SEGMENT_SECONDS,
  planCutTimes,
  type ChapterSpan,
} from '../../../../src/node/transcoder/cut-times';

const EPS = 1e-6;

test('cuts at 0, at every chapter boundary, and every 2 s counted from each boundary', () => {
  expect(planCutTimes([{ start: 1, end: 6.5 }], 10)).toEqual([0, 1, 3, 5, 6.5, 8.5]);
});

test('a short remainder joins the segment before it instead of becoming a tiny segment', () => {
  // 0..4.3: a grid cut at 4 would leave 0.3 s, so the last segment is 2.3 s long.
  expect(planCutTimes([], 4.3)).toEqual([0, 2]);
  // Exactly the minimum is allowed.
  expect(planCutTimes([], 4.5)).toEqual([0, 2, 4]);
});

test('keeps chapter boundaries that are closer than the minimum', () => {
  expect(planCutTimes([{ start: 2, end: 2.2 }], 5)).toEqual([0, 2, 2.2, 4.2]);
});

test('a 6 s film with chapters 0-2 and 2-3.5: the 2.5 s tail gets a grid cut leaving exactly 0.5 s', () => {
  expect(
    planCutTimes(
      [
        { start: 0, end: 2 },
        { start: 2, end: 3.5 },
      ],
      6,
    ),
  ).toEqual([0, 2, 3.5, 5.5]);
});

test('ignores the film end, clamps chapters onto the film and accepts any order', () => {
  expect(
    planCutTimes(
      [
        { start: 5, end: 99 },
        { start: -3, end: 1 },
      ],
      6,
    ),
  ).toEqual([0, 1, 3, 5]);
});

test('float noise does not create near-duplicate cuts', () => {
  expect(planCutTimes([{ start: 0.1 + 0.2, end: 0.3 }], 1)).toEqual([0, 0.3]);
});

test('rejects nonsense', () => {
  expect(() => planCutTimes([], 0)).toThrow(RangeError);
  expect(() => planCutTimes([], Number.NaN)).toThrow(RangeError);
  expect(() => planCutTimes([], 10, 0)).toThrow(RangeError);
  expect(() => planCutTimes([{ start: Number.NaN, end: 1 }], 10)).toThrow(RangeError);
});

const chapterArb = fc
  .tuple(fc.double({ min: 0, max: 120, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }))
  .map(([start, length]): ChapterSpan => ({ start, end: start + length }));

const planArb = fc.record({
  chapters: fc.array(chapterArb, { maxLength: 8 }),
  duration: fc.double({ min: 0.01, max: 150, noNaN: true }),
  target: fc.double({ min: 0.5, max: 10, noNaN: true }),
});

test('properties: sorted, unique, from 0, inside the film, bounded segment lengths', () => {
  fc.assert(
    fc.property(planArb, ({ chapters, duration, target }) => {
      const cuts = planCutTimes(chapters, duration, target);
      const boundaries = new Set<number>([0, duration].map(round));
      for (const c of chapters)
        for (const t of [c.start, c.end]) boundaries.add(round(Math.min(Math.max(t, 0), duration)));

      expect(cuts[0]).toBe(0);
      for (const cut of cuts) expect(cut >= 0 && cut < duration).toBe(true);
      // Every chapter boundary inside the film is a cut.
      for (const b of boundaries) if (b < round(duration)) expect(cuts).toContain(b);
      const ends = [...cuts, round(duration)];
      for (let i = 0; i + 1 < ends.length; i++) {
        const from = ends[i]!;
        const to = ends[i + 1]!;
        expect(to).toBeGreaterThan(from);
        // Never longer than the target plus the tolerated remainder.
        expect(to - from).toBeLessThanOrEqual(target + Math.min(MIN_SEGMENT_SECONDS, target) + EPS);
        // Shorter than the minimum only between two boundaries.
        if (to - from < Math.min(MIN_SEGMENT_SECONDS, target) - EPS) {
          expect(boundaries.has(from) && boundaries.has(to)).toBe(true);
        }
      }
    }),
    { numRuns: 500 },
  );
});

test('property: the order of the chapters does not matter', () => {
  fc.assert(
    fc.property(planArb, ({ chapters, duration, target }) => {
      expect(planCutTimes([...chapters].reverse(), duration, target)).toEqual(
        planCutTimes(chapters, duration, target),
      );
    }),
  );
});

function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
