import type { StopMethod } from './lecture-driver';

/** One measured stop at a chapter's end. */
export interface StopSample {
  chapter: string;
  method: StopMethod;
  rate: number;
  /** currentTime after the stop minus the chapter's end, in ms (negative: before the end). */
  overshootMs: number;
  /** The frame number read from the picture, and the chapter's last frame it should be. */
  frameShown: number | null;
  frameExpected: number;
  /** Frames of the next chapter presented before the film stood still. */
  nextChapterFrames: number;
}

/** Frames between the one shown and the one expected (a missing frame code counts as infinitely off). */
export function framesOff(sample: StopSample): number {
  return sample.frameShown === null ? Number.POSITIVE_INFINITY : sample.frameShown - sample.frameExpected;
}

/** The nearest-rank percentile `p` (0-100) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The figures for one method at one rate: worst overshoot, worst frame error, next-chapter frames seen. */
export interface StopSummary {
  method: StopMethod;
  rate: number;
  stops: number;
  maxAbsOvershootMs: number;
  medianOvershootMs: number;
  maxAbsFramesOff: number;
  exactFrames: number;
  nextChapterFrames: number;
}

/** Summarises the samples of one method at one rate. */
export function summarise(samples: readonly StopSample[], method: StopMethod, rate: number): StopSummary {
  const mine = samples.filter((sample) => sample.method === method && sample.rate === rate);
  const overshoots = mine.map((sample) => sample.overshootMs);
  return {
    method,
    rate,
    stops: mine.length,
    maxAbsOvershootMs: Math.max(...overshoots.map(Math.abs)),
    medianOvershootMs: percentile(overshoots, 50),
    maxAbsFramesOff: Math.max(...mine.map((sample) => Math.abs(framesOff(sample)))),
    exactFrames: mine.filter((sample) => framesOff(sample) === 0).length,
    nextChapterFrames: mine.reduce((sum, sample) => sum + sample.nextChapterFrames, 0),
  };
}

/** One row of the per-stop table, fixed width. */
export function formatSample(sample: StopSample): string {
  const off = framesOff(sample);
  return [
    sample.chapter.padEnd(14),
    sample.method.padEnd(10),
    `${sample.rate}x`.padStart(5),
    sample.overshootMs.toFixed(1).padStart(9),
    String(sample.frameShown ?? '-').padStart(7),
    String(sample.frameExpected).padStart(7),
    (Number.isFinite(off) ? String(off) : 'n/a').padStart(5),
    String(sample.nextChapterFrames).padStart(6),
  ].join('  ');
}

/** The per-stop table's heading. */
export const SAMPLE_HEADING = [
  'chapter'.padEnd(14),
  'method'.padEnd(10),
  'rate'.padStart(5),
  'over ms'.padStart(9),
  'shown'.padStart(7),
  'last'.padStart(7),
  'off'.padStart(5),
  'next'.padStart(6),
].join('  ');
