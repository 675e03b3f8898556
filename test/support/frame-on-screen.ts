import type { Page } from '@playwright/test';
import { frameCodeLayout, readBurntFrameNumber } from '../../src/node/demo/frame-code';
import type { BenchGlobal, BenchVideo } from './page-shapes';

/**
 * The frame number burnt into the picture the film element shows now: the video is drawn to a canvas in the
 * page (same origin, so the canvas is readable), only the code's rows come back, and Node decodes them.
 */
export async function frameOnScreen(page: Page): Promise<number | null> {
  const film = page.locator('video[data-role="film"]');
  const size = await film.evaluate((element) => {
    const video = element as unknown as BenchVideo;
    return { width: video.videoWidth, height: video.videoHeight };
  });
  if (size.width === 0 || size.height === 0) return null;
  const layout = frameCodeLayout(size.width, size.height);
  const rows = await film.evaluate(
    (element, { width, height, top, count }) => {
      const canvas = (globalThis as unknown as BenchGlobal).document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (context === null) throw new Error('no 2d context');
      context.drawImage(element, 0, 0, width, height);
      return Array.from(context.getImageData(0, top, width, count).data);
    },
    { ...size, top: layout.y, count: layout.cell },
  );
  const rgba = new Uint8Array(size.width * size.height * 4);
  rgba.set(rows, layout.y * size.width * 4);
  return readBurntFrameNumber(rgba, size.width, size.height);
}
