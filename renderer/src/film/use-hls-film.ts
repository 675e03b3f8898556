import Hls from 'hls.js';
import { useEffect, useState, type RefObject } from 'react';

/** Why the film cannot play: no Media Source Extensions, or hls.js gave up (with its error detail). */
export type FilmProblem = { kind: 'not-supported' } | { kind: 'failed'; detail: string };

const NOT_SUPPORTED: FilmProblem = { kind: 'not-supported' };

/**
 * Plays an HLS playlist in a `<video>` through hls.js. The segments arrive already decrypted from our own
 * origin; no key or EXT-X-KEY setting is ever given, so no key can reach this window. `startPosition`
 * matters only for the first load (a lecture resumed mid-film).
 */
export function useHlsFilm(
  video: RefObject<HTMLVideoElement | null>,
  playlistUrl: string,
  startPosition: number,
): FilmProblem | null {
  const [failure, setFailure] = useState<FilmProblem | null>(null);
  // Read once on purpose: later seeks are the film screen's, not a reload.
  const [firstPosition] = useState(startPosition);
  // Whether this browser has Media Source Extensions does not change while the page lives.
  const [supported] = useState(() => Hls.isSupported());
  useEffect(() => {
    const element = video.current;
    if (element === null || !supported) return;
    const hls = new Hls({
      // The worker runs from a blob: URL, which the CSP allows (worker-src blob:).
      enableWorker: true,
      startPosition: firstPosition,
      // A classroom laptop has the whole file locally; a small buffer keeps memory and decrypting modest.
      maxBufferLength: 30,
      backBufferLength: 30,
    });
    let recovered = false;
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
        // hls.js's documented recovery for a decoder hiccup, tried once; a second failure is reported.
        recovered = true;
        hls.recoverMediaError();
        return;
      }
      setFailure({ kind: 'failed', detail: data.details });
    });
    hls.loadSource(playlistUrl);
    hls.attachMedia(element);
    return () => {
      hls.destroy();
    };
  }, [video, playlistUrl, supported, firstPosition]);
  return supported ? failure : NOT_SUPPORTED;
}
