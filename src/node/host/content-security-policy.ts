/**
 * The page's Content-Security-Policy, the same in Electron and in the loopback host: only our own origin,
 * media also from blob: (hls.js feeds the video through Media Source Extensions), workers from blob: (hls.js
 * runs its demuxer in one), no remote origin anywhere, no plugins, no framing, no forms. `mediaSources`
 * names a media origin other than the page's own (Electron serves media from plenum://media).
 */
export function contentSecurityPolicy(mediaSources: readonly string[] = []): string {
  const media = ["'self'", 'blob:', ...mediaSources].join(' ');
  const connect = ["'self'", ...mediaSources].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `media-src ${media}`,
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
