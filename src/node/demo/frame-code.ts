/*
 * The demo film's machine-readable frame number: a row of boxes along the bottom of the picture, read back
 * from a decoded frame by tests (in Node from ffmpeg's raw output, in the browser from a canvas) to learn
 * which frame is really on screen. Pure code with no Node imports, so browser tests can bundle it. The
 * encoder (demo-film.ts) and the decoder below share frameCodeLayout, so they cannot drift apart.
 */

/** Bits in the frame number: frames 0..65535, 43 minutes at 25 fps. */
export const FRAME_CODE_BITS = 16;

/** Cells in the row: an always-white start marker, the bits (least significant first), an always-black end marker. */
export const FRAME_CODE_CELLS = FRAME_CODE_BITS + 2;

/** Where the row sits in a width x height picture. */
export interface FrameCodeLayout {
  /** Left edge of the start marker cell. */
  x: number;
  /** Top edge of the row. */
  y: number;
  /** Side of one square cell, in pixels (even, at least 4). */
  cell: number;
  /** Black margin drawn around the row, so the background colour never touches a cell. */
  pad: number;
}

/**
 * The row's geometry: cells of about 1/24 of the width (even, so they align with 4:2:0 chroma), centred,
 * one cell above the bottom edge. Cell k (0 = start marker) spans x + k * cell.
 */
export function frameCodeLayout(width: number, height: number): FrameCodeLayout {
  const cell = Math.max(4, 2 * Math.floor(width / 48));
  const pad = cell / 2;
  const x = 2 * Math.floor((width - FRAME_CODE_CELLS * cell) / 4);
  const y = height - 2 * cell;
  return { x, y, cell, pad };
}

/**
 * Reads the burnt-in frame number from one decoded RGBA frame (width x height x 4 bytes), or null when the
 * markers are not there (a frame from another film, a blank screen). The threshold between 0 and 1 bits is
 * calibrated from the two markers, so colour conversion and compression do not matter; each cell is judged
 * by the mean brightness of its central half, which compression blurs least.
 */
export function readBurntFrameNumber(rgba: Uint8Array, width: number, height: number): number | null {
  if (rgba.length < width * height * 4) {
    throw new RangeError(
      `expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgba.length}`,
    );
  }
  const layout = frameCodeLayout(width, height);
  if (layout.x < 0 || layout.y < 0 || layout.y + layout.cell > height) return null;
  const white = cellBrightness(rgba, width, layout, 0);
  const black = cellBrightness(rgba, width, layout, FRAME_CODE_CELLS - 1);
  if (white - black < 96) return null;
  const threshold = (white + black) / 2;
  let frame = 0;
  for (let bit = 0; bit < FRAME_CODE_BITS; bit++) {
    if (cellBrightness(rgba, width, layout, bit + 1) > threshold) frame += 2 ** bit;
  }
  return frame;
}

/** Mean brightness (0..255, Rec. 709 luma weights) of the central half of cell `index`. */
function cellBrightness(rgba: Uint8Array, width: number, layout: FrameCodeLayout, index: number): number {
  const inset = Math.floor(layout.cell / 4);
  const size = Math.max(1, layout.cell - 2 * inset);
  const left = layout.x + index * layout.cell + inset;
  const top = layout.y + inset;
  let sum = 0;
  for (let row = top; row < top + size; row++) {
    for (let column = left; column < left + size; column++) {
      const i = (row * width + column) * 4;
      sum += 0.2126 * (rgba[i] ?? 0) + 0.7152 * (rgba[i + 1] ?? 0) + 0.0722 * (rgba[i + 2] ?? 0);
    }
  }
  return sum / (size * size);
}
