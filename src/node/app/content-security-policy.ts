/**
 * The page's Content-Security-Policy, one for Electron (`plenum://app`) and the loopback host alike, sent as a
 * header on every UI response: only the page's own origin, where the media handler lives too
 * (`plenum://app/media/…`, `/media/…`); media also from blob: (hls.js feeds the video through Media Source
 * Extensions) and workers from blob: (hls.js runs its demuxer in one); no remote origin anywhere, no plugins,
 * no framing, no forms. `style-src 'self'` without 'unsafe-inline': the built renderer ships its CSS as files,
 * and React's style props go through the CSSOM, which CSP does not restrict.
 */
export const UI_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  'worker-src blob:',
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
