/**
 * The page's Content-Security-Policy, one for Electron and the loopback host alike: only our own origin;
 * media also from blob: (hls.js feeds the video through Media Source Extensions) and workers from blob: (hls.js
 * runs its demuxer in one); no remote origin anywhere, no plugins, no framing, no forms.
 * `style-src 'self'` without 'unsafe-inline': the built renderer ships its CSS as files, and React's style
 * props go through the CSSOM, which CSP does not restrict. `mediaSources` names a media origin other than the
 * page's own (plenum://media in Electron), listed where media may load (img, media, connect).
 */
export function contentSecurityPolicy(mediaSources: readonly string[] = []): string {
  const extra = mediaSources.map((source) => ` ${source}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${extra}`,
    `media-src 'self' blob:${extra}`,
    'worker-src blob:',
    `connect-src 'self'${extra}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
