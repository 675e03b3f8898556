/** Times written as "mm:ss", "hh:mm:ss" (either with ".f" to ".fff") or as a YAML number of seconds. */
const TIME_PATTERN = /^(\d+):(\d{2})(?::(\d{2}))?(?:\.(\d{1,3}))?$/;

/**
 * Parses a time from course.yaml into seconds, or null when it is not a time.
 * The leading field may be any size ("90:00" is ninety minutes); the fields after it must be below 60.
 * Strings are summed in whole milliseconds so "07:23.1" is exactly 443.1, not 443.09999….
 */
export function parseTime(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? value : null;
  }
  if (typeof value !== 'string') {
    return null;
  }
  const match = TIME_PATTERN.exec(value.trim());
  if (match === null) {
    return null;
  }
  const [, first = '', second = '', third, fraction] = match;
  const hours = third === undefined ? 0 : Number(first);
  const minutes = third === undefined ? Number(first) : Number(second);
  const seconds = third === undefined ? Number(second) : Number(third);
  if (seconds >= 60 || (third !== undefined && minutes >= 60)) {
    return null;
  }
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return (((hours * 60 + minutes) * 60 + seconds) * 1000 + millis) / 1000;
}

/** Options for {@link formatTime}. */
export interface FormatTimeOptions {
  /** Append ".fff" (always three digits); without it the seconds are truncated, as players show them. */
  millis?: boolean;
}

/**
 * Formats seconds the way course.yaml writes them: "07:23", "1:02:03", "07:23.500".
 * Hours appear only when needed, so the result always parses back with {@link parseTime}.
 */
export function formatTime(seconds: number, options: FormatTimeOptions = {}): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`formatTime needs a non-negative finite number, got ${seconds}`);
  }
  // Round to whole milliseconds first so 443.9999999 shows as 07:24.000, not 07:23.999.
  const totalMillis = Math.round(seconds * 1000);
  const shownMillis = options.millis === true ? totalMillis : totalMillis - (totalMillis % 1000);
  const totalSeconds = Math.floor(shownMillis / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const secs = totalSeconds % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  const clock = hours > 0 ? `${hours}:${two(minutes)}:${two(secs)}` : `${two(minutes)}:${two(secs)}`;
  return options.millis === true ? `${clock}.${String(shownMillis % 1000).padStart(3, '0')}` : clock;
}
