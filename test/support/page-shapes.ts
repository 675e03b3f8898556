/*
 * The browser objects the lecture benchmark touches from page scripts, typed structurally: the bench compiles
 * with Node's types only (no DOM library), and these few members are all it needs.
 */

import type { PlenumApi } from '../../src/common/ipc/plenum-api';

/** The `<video data-role="film">` element, as far as the benchmark uses it. */
export interface BenchVideo {
  currentTime: number;
  playbackRate: number;
  defaultPlaybackRate: number;
  paused: boolean;
  seeking: boolean;
  readyState: number;
  videoWidth: number;
  videoHeight: number;
  pause(): void;
  requestVideoFrameCallback(callback: (now: number, metadata: { mediaTime: number }) => void): number;
  addEventListener(name: string, listener: () => void, options?: { once: boolean }): void;
  removeEventListener(name: string, listener: () => void): void;
}

/** The page's globals the benchmark uses, the chapter-stop seam included. */
export interface BenchGlobal {
  /** The real API type (types only, from src/common), so a change of the contract fails the bench's tsc. */
  plenum: PlenumApi;
  /** The bench-only seam in use-span-stop.ts: true turns Plenum's stop off for the baseline. */
  __plenumDisableChapterStop?: boolean;
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  document: {
    createElement(name: 'canvas'): {
      width: number;
      height: number;
      getContext(
        kind: '2d',
        options: { willReadFrequently: boolean },
      ): {
        drawImage(image: unknown, x: number, y: number, width: number, height: number): void;
        getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
      } | null;
    };
  };
}

/** A chapter's id and span as the packer recorded them (snapped to the film's real cut points). */
export interface BenchChapter {
  id: string;
  start: number;
  end: number;
  pause: boolean;
}
