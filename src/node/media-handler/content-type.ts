/** The response headers that describe an entry's bytes: its media type and, for SVG, a sandbox. */
export interface EntryTypeHeaders {
  contentType: string;
  /** Set for types a browser could run script from when navigated to. */
  contentSecurityPolicy?: string;
}

/**
 * By extension, lowercase. `.m4s` is `video/iso.segment`, the IANA type for ISO BMFF media segments: hls.js
 * loads segments as ArrayBuffers and never reads Content-Type (checked in hls.js 1.7.4's loaders), and
 * Chromium's Media Source Extensions take the codec from `addSourceBuffer`, not from the response, so the
 * registered type costs nothing and says what the bytes are. Segments are never a `<video src>`.
 */
const TYPES: Readonly<Record<string, string>> = {
  m3u8: 'application/vnd.apple.mpegurl',
  mp4: 'video/mp4',
  m4s: 'video/iso.segment',
  vtt: 'text/vtt; charset=utf-8',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/** What an entry is served as; unknown extensions are opaque bytes (and, with nosniff, stay so). */
export function typeHeadersFor(entry: string): EntryTypeHeaders {
  const name = entry.slice(entry.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const contentType = TYPES[extension] ?? 'application/octet-stream';
  // An SVG opened as a document could run script with the app's origin; `sandbox` takes that away, while
  // an <img> (which never runs SVG script) is unaffected.
  return extension === 'svg' ? { contentType, contentSecurityPolicy: 'sandbox' } : { contentType };
}
