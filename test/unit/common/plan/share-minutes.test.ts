import fc from 'fast-check';
import { shareMinutes } from '../../../../src/common/plan/share-minutes';

describe('shareMinutes', () => {
  it('shares in proportion, odd minutes to the largest remainders', () => {
    expect(shareMinutes([5, 20, 15, 15, 15, 20, 15, 20], 88)).toEqual([3, 14, 11, 11, 11, 14, 10, 14]);
    expect(shareMinutes([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(shareMinutes([], 10)).toEqual([]);
  });

  it('gives every item at least a minute, taking the difference from the largest', () => {
    expect(shareMinutes([1, 100], 10)).toEqual([1, 9]);
    expect(shareMinutes([1, 1, 100], 5)).toEqual([1, 1, 3]);
  });

  it('gives one minute each when there are not more minutes than items', () => {
    expect(shareMinutes([5, 20, 15], 3)).toEqual([1, 1, 1]);
    expect(shareMinutes([5, 20, 15], 1)).toEqual([1, 1, 1]);
    expect(shareMinutes([5, 20, 15], -40)).toEqual([1, 1, 1]);
  });

  it('adds up to the total, whole and at least 1 each, whenever there are enough minutes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 2000 }),
        (weights, extra) => {
          const total = weights.length + extra;
          const shares = shareMinutes(weights, total);
          expect(shares).toHaveLength(weights.length);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          for (const share of shares) {
            expect(Number.isInteger(share)).toBe(true);
            expect(share).toBeGreaterThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('keeps a heavier item from getting fewer minutes than a lighter one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 0, max: 600 }),
        (weights, extra) => {
          const shares = shareMinutes(weights, weights.length + extra);
          weights.forEach((weight, i) =>
            weights.forEach((other, j) => {
              if (weight > other) expect(shares[i]!).toBeGreaterThanOrEqual(shares[j]!);
            }),
          );
        },
      ),
    );
  });
});
