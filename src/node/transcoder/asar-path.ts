import { sep } from 'node:path';

/**
 * Maps a path inside a packaged Electron app's app.asar to app.asar.unpacked. Packages compute their files'
 * paths relative to app.asar, but a child process (ffmpeg itself, or ffmpeg reading a font) cannot open
 * files inside the archive; electron-builder's `asarUnpack` puts them next to it. Other paths pass through.
 */
export function outsideAsar(path: string): string {
  const packed = `${sep}app.asar${sep}`;
  return path.includes(packed) ? path.replace(packed, `${sep}app.asar.unpacked${sep}`) : path;
}
