import Hls from 'hls.js';
import { useEffect, useState, type RefObject } from 'react';

/** Why the film cannot play: no Media Source Extensions, or hls.js gave up (with its error detail). */
export type FilmProblem = { kind: 'not-supported' } | { kind: 'failed'; detail: string };

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
  const [problem, setProblem] = useState<FilmProblem | null>(null);
  useEffect(() => {
    const element = video.current;
    if (element === null) return;
    if (!Hls.isSupported()) {
      setProblem({ kind: 'not-supported' });
      return;
    }
    const hls = new Hls({
      // The worker runs from a blob: URL, which the CSP allows (worker-src blob:).
      enableWorker: true,
      startPosition,
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
      setProblem({ kind: 'failed', detail: data.details });
    });
    hls.loadSource(playlistUrl);
    hls.attachMedia(element);
    return () => {
      hls.destroy();
    };
    // startPosition is read once on purpose: later seeks are the film screen's, not a reload.
  }, [video, playlistUrl]);
  return problem;
}
