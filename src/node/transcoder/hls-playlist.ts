/** What a media playlist lists: the init segment and each media segment with its exact duration. */
export interface MediaPlaylistInput {
  initUri: string;
  segments: ReadonlyArray<{ uri: string; durationSeconds: number }>;
}

/**
 * Writes an HLS version 7 VOD media playlist for fMP4 segments (EXT-X-MAP outside I-frame playlists needs
 * version 6 or later; 7 is what current packagers write). Never EXT-X-KEY: the course
 * file is decrypted by our media handler, and HLS encryption would hand the key to the renderer.
 * EXT-X-TARGETDURATION is the longest segment rounded up (the spec's rule is round-to-nearest <= target;
 * ceil is the safe side). EXTINF keeps at least 3 decimals, up to microseconds, so summed durations match the
 * tfdt timeline and hls.js does not drift.
 */
export function buildMediaPlaylist(input: MediaPlaylistInput): string {
  const { initUri, segments } = input;
  if (segments.length === 0) throw new RangeError('a playlist needs at least one segment');
  checkUri(initUri);
  let longest = 0;
  for (const segment of segments) {
    checkUri(segment.uri);
    if (!(Number.isFinite(segment.durationSeconds) && segment.durationSeconds > 0)) {
      throw new RangeError(`segment ${segment.uri} has duration ${segment.durationSeconds}`);
    }
    longest = Math.max(longest, segment.durationSeconds);
  }
  // Round to the microsecond first, so 2.0000000001 of float noise does not become a target of 3.
  const targetDuration = Math.max(1, Math.ceil(Math.round(longest * 1e6) / 1e6));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${targetDuration}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MAP:URI="${initUri}"`,
  ];
  for (const segment of segments)
    lines.push(`#EXTINF:${formatDuration(segment.durationSeconds)},`, segment.uri);
  lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** 2 -> "2.000", 2.04 -> "2.040", 1/24 s -> "0.041667": 3 to 6 decimals. */
function formatDuration(seconds: number): string {
  const fixed = seconds.toFixed(6);
  return fixed.replace(/(\.\d{3}\d*?)0+$/, '$1');
}

/** A URI goes into a quoted attribute or onto its own line: quotes and line breaks would break the file. */
function checkUri(uri: string): void {
  if (uri === '' || /["\r\n]/.test(uri))
    throw new RangeError(`unusable playlist URI: ${JSON.stringify(uri)}`);
}
