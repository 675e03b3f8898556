import fc from 'fast-check';
import { selectByteRange } from '../../../../src/node/media-handler/byte-range';

describe('selectByteRange', () => {
  it.each([
    ['no header', null, 100, { kind: 'whole' }],
    ['a-b', 'bytes=10-19', 100, { kind: 'part', start: 10, end: 20 }],
    ['a-a (one byte)', 'bytes=0-0', 100, { kind: 'part', start: 0, end: 1 }],
    ['a-', 'bytes=90-', 100, { kind: 'part', start: 90, end: 100 }],
    ['-n', 'bytes=-10', 100, { kind: 'part', start: 90, end: 100 }],
    ['-n beyond the size', 'bytes=-1000', 100, { kind: 'part', start: 0, end: 100 }],
    ['end beyond the size, clamped', 'bytes=50-1000', 100, { kind: 'part', start: 50, end: 100 }],
    ['a huge end', 'bytes=0-99999999999999999999999', 100, { kind: 'part', start: 0, end: 100 }],
    ['last byte', 'bytes=99-99', 100, { kind: 'part', start: 99, end: 100 }],
    ['unit in capitals', 'BYTES=1-2', 100, { kind: 'part', start: 1, end: 3 }],
    ['list whitespace and empty elements', 'bytes= 1-2 ,', 100, { kind: 'part', start: 1, end: 3 }],
    ['start at the size', 'bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['start beyond the size', 'bytes=200-300', 100, { kind: 'unsatisfiable' }],
    ['a huge start', 'bytes=99999999999999999999999-', 100, { kind: 'unsatisfiable' }],
    ['-0', 'bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['a range of an empty entry', 'bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['a suffix of an empty entry', 'bytes=-5', 0, { kind: 'unsatisfiable' }],
    ['last before first: invalid, ignored', 'bytes=20-10', 100, { kind: 'whole' }],
    ['last before first in huge numbers', 'bytes=9007199254740993-9007199254740992', 100, { kind: 'whole' }],
    ['several ranges: whole', 'bytes=0-1,5-6', 100, { kind: 'whole' }],
    ['another unit', 'items=0-1', 100, { kind: 'whole' }],
    ['no equals sign', 'bytes 0-1', 100, { kind: 'whole' }],
    ['no range at all', 'bytes=', 100, { kind: 'whole' }],
    ['a lone dash', 'bytes=-', 100, { kind: 'whole' }],
    ['not digits', 'bytes=a-b', 100, { kind: 'whole' }],
    ['a negative start', 'bytes=--5', 100, { kind: 'whole' }],
    ['a fraction', 'bytes=1.5-2', 100, { kind: 'whole' }],
    ['inner whitespace', 'bytes=1 - 2', 100, { kind: 'whole' }],
    ['a plus sign', 'bytes=+1-2', 100, { kind: 'whole' }],
  ] as const)('%s', (_label, header, size, expected) => {
    expect(selectByteRange(header, size)).toEqual(expected);
  });

  it('every part it selects lies inside the entry and is not empty (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(10_000), (tail, size) => {
        const selection = selectByteRange(`bytes=${tail}`, size);
        if (selection.kind !== 'part') return;
        expect(selection.start).toBeGreaterThanOrEqual(0);
        expect(selection.end).toBeGreaterThan(selection.start);
        expect(selection.end).toBeLessThanOrEqual(size);
      }),
    );
  });
});
