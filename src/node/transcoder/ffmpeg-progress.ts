/**
 * Reads the encoded position from one line of ffmpeg's `-progress` output, in seconds.
 * Only `out_time=HH:MM:SS.micro` is used: it exists in every ffmpeg since 2012, whereas `out_time_us` is
 * recent and `out_time_ms` (which is really microseconds) is kept only for compatibility; reading all three
 * would report each position three times. Returns undefined for other lines and for `N/A` or the negative
 * placeholder ffmpeg prints before the first frame.
 */
export function parseProgressSeconds(line: string): number | undefined {
  const match = /^out_time=(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$/.exec(line);
  if (match === null) return undefined;
  const [, hours, minutes, seconds] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return Number.isFinite(total) ? total : undefined;
}

/** True for the `key=value` lines of `-progress` output, which are not worth keeping as error context. */
export function isProgressLine(line: string): boolean {
  return /^[a-z_0-9]+=\S*\s*$/.test(line);
}
