/** Small statistics helpers for benchmarks: they print figures, they never judge. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Minimum, median and maximum, formatted with `digits` decimals. */
export function spread(values: readonly number[], digits = 1): string {
  const fmt = (value: number) => value.toFixed(digits);
  return `${fmt(Math.min(...values))} / ${fmt(median(values))} / ${fmt(Math.max(...values))}`;
}

/** Milliseconds since `start` (from performance.now()). */
export function since(start: number): number {
  return performance.now() - start;
}
