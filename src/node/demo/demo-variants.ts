/** The demo course's variants: the full-length film, and a short one with the same structure for fast tests. */
export const DEMO_VARIANTS = ['short', 'full'] as const;

/** One demo variant. */
export type DemoVariant = (typeof DEMO_VARIANTS)[number];

/** The demo course's password. Only the demo's: the unlock screen may show it, no real course's. */
export const DEMO_PASSWORD = 'rune-2020';

/** How each variant scales the booklet's times: 1/20 turns 31:52 into 95.6 s and keeps every chapter. */
export const DEMO_SCALE: Record<DemoVariant, number> = { full: 1, short: 1 / 20 };

/** The synthetic film's frame rate; scaled times are rounded to whole frames of it. */
export const DEMO_FPS = 25;

/** Picture size of the synthetic film: small enough to encode fast here, large enough to read on screen. */
export const DEMO_SIZE = { width: 640, height: 360 } as const;

/** Scales a time and rounds it to a whole frame, so every chapter boundary falls exactly on a frame. */
export function scaleDemoTime(seconds: number, variant: DemoVariant): number {
  const frames = Math.round(seconds * DEMO_SCALE[variant] * DEMO_FPS);
  return frames / DEMO_FPS;
}
