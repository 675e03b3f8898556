import { useEffect, useRef, type RefObject } from 'react';
import {
  DEFAULT_FRAME_DURATION,
  msUntilPause,
  nextFrameDuration,
  positionAt,
  stillFrameTime,
  type PresentedFrame,
  type WatchedSpan,
} from './chapter-stop';

declare global {
  interface Window {
    /**
     * Bench-only seam: when true, the span stop neither pauses nor reports, so `npm run bench:lecture` can
     * measure a plain `timeupdate` pause on the same element. Read at the moment of each stop; nothing in
     * the app sets it.
     */
    __plenumDisableChapterStop?: boolean;
  }
}

/**
 * Watches a span of the film while it plays and stops it on its last frame: the one way Plenum ends a
 * chapter or a replayed statement. A timer, re-armed from every frame that requestVideoFrameCallback reports
 * (and on play, seek and rate changes), pauses the film a couple of frames before the span's end; then a seek
 * puts the span's own last frame on screen. Pausing early means a late timer on a busy page still stops
 * before the next frames are shown or heard; the seek makes the still picture exact whatever the lateness.
 * The frame callback itself and `timeupdate` are backstops (a hidden window gets no frame callbacks). Then
 * `onEnded` reports the end (its time). `null` watches nothing; a new span (another start or end) re-arms.
 * The caller starts the film (and any seek into the span) before this hook's effect runs, i.e. in an
 * effect declared earlier in the same component: a playhead still standing past the end would stop at once.
 */
export function useSpanStop(
  video: RefObject<HTMLVideoElement | null>,
  span: WatchedSpan | null,
  onEnded: (at: number) => void,
): void {
  // The latest callback, without re-arming the watcher each time the parent re-renders.
  const report = useRef(onEnded);
  useEffect(() => {
    report.current = onEnded;
  });
  const watching = span !== null;
  const start = span?.start ?? 0;
  const end = span?.end ?? 0;
  const pause = span?.pause ?? false;

  useEffect(() => {
    const element = video.current;
    if (element === null || !watching) return;
    const bounds = { start, end };
    let done = false;
    let previous: PresentedFrame | null = null;
    let frameDuration = DEFAULT_FRAME_DURATION;
    let callback = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const disarm = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    const stop = (): void => {
      if (done) return;
      done = true;
      disarm();
      if (window.__plenumDisableChapterStop === true) return;
      if (pause) {
        element.pause();
        element.currentTime = stillFrameTime(end, start);
      }
      report.current(end);
    };
    // Arms the pause for a playhead at `position`; stops at once when the pause point has been reached.
    const arm = (position: number): void => {
      if (done) return;
      disarm();
      // A seek in flight reports where it is going, but frames still come from where it was: wait for it.
      if (element.seeking || element.paused) return;
      const delay = msUntilPause(position, bounds, frameDuration, element.playbackRate);
      if (delay <= 0) stop();
      else timer = setTimeout(() => stop(), delay);
    };
    const armFromElement = (): void => arm(element.currentTime);

    const onFrame = (now: number, metadata: VideoFrameCallbackMetadata): void => {
      if (done) return;
      callback = element.requestVideoFrameCallback(onFrame);
      const current = { mediaTime: metadata.mediaTime, presentedFrames: metadata.presentedFrames };
      frameDuration = nextFrameDuration(previous, current, frameDuration);
      previous = current;
      if (element.seeking) return;
      arm(positionAt(metadata.mediaTime, metadata.expectedDisplayTime, now, element.playbackRate));
    };
    const onSeeking = (): void => {
      disarm();
      // The frames after a seek are not consecutive with the ones before.
      previous = null;
    };
    // Backstops: frame callbacks stop while the window is hidden or minimised, and the film's last frame
    // may end playback before its callback runs.
    const onFilmEnded = (): void => stop();

    const rearming = ['playing', 'seeked', 'ratechange', 'timeupdate'] as const;
    callback = element.requestVideoFrameCallback(onFrame);
    for (const name of rearming) element.addEventListener(name, armFromElement);
    element.addEventListener('seeking', onSeeking);
    element.addEventListener('pause', disarm);
    element.addEventListener('ended', onFilmEnded);
    armFromElement();
    return () => {
      done = true;
      disarm();
      element.cancelVideoFrameCallback(callback);
      for (const name of rearming) element.removeEventListener(name, armFromElement);
      element.removeEventListener('seeking', onSeeking);
      element.removeEventListener('pause', disarm);
      element.removeEventListener('ended', onFilmEnded);
    };
  }, [video, watching, start, end, pause]);
}
