import fc from 'fast-check';
import {
  FRAME_CODE_BITS,
  FRAME_CODE_CELLS,
  frameCodeLayout,
  readBurntFrameNumber,
} from '../../../../src/node/demo/frame-code';

/** Paints a frame the way demo-film.ts draws it: grey picture, black backing, white marker and bits. */
function paint(frame: number, width: number, height: number, background = 80): Uint8Array {
  const rgba = new Uint8Array(width * height * 4).fill(background);
  const fill = (left: number, top: number, w: number, h: number, value: number): void => {
    for (let y = top; y < top + h; y++)
      for (let x = left; x < left + w; x++) rgba.fill(value, (y * width + x) * 4, (y * width + x) * 4 + 3);
  };
  const { x, y, cell, pad } = frameCodeLayout(width, height);
  fill(x - pad, y - pad, FRAME_CODE_CELLS * cell + 2 * pad, cell + 2 * pad, 16);
  fill(x, y, cell, cell, 235);
  for (let bit = 0; bit < FRAME_CODE_BITS; bit++)
    if ((frame >> bit) & 1) fill(x + (bit + 1) * cell, y, cell, cell, 235);
  return rgba;
}

test('the row fits inside the picture at every supported size', () => {
  for (const [width, height] of [
    [96, 54],
    [160, 90],
    [320, 180],
    [640, 360],
    [1280, 720],
    [1920, 1080],
  ] as const) {
    const { x, y, cell, pad } = frameCodeLayout(width, height);
    expect(cell % 2).toBe(0);
    expect(x - pad).toBeGreaterThanOrEqual(0);
    expect(x + FRAME_CODE_CELLS * cell + pad).toBeLessThanOrEqual(width);
    expect(y + cell + pad).toBeLessThanOrEqual(height);
  }
});

test('property: every frame number reads back from a painted frame', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** FRAME_CODE_BITS - 1 }),
      fc.constantFrom([160, 90], [320, 180], [640, 360]),
      (frame, [width, height]) => {
        expect(readBurntFrameNumber(paint(frame, width, height), width, height)).toBe(frame);
      },
    ),
    { numRuns: 200 },
  );
});

test('null when the markers are missing; an error when the buffer is too small', () => {
  expect(readBurntFrameNumber(new Uint8Array(160 * 90 * 4).fill(128), 160, 90)).toBeNull();
  expect(readBurntFrameNumber(new Uint8Array(160 * 90 * 4), 160, 90)).toBeNull();
  expect(() => readBurntFrameNumber(new Uint8Array(10), 160, 90)).toThrow(RangeError);
});
