import { useEffect, useRef, type RefObject } from 'react';
import {
  DEFAULT_FRAME_DURATION,
  isLastFrameOfChapter,
  nextFrameDuration,
  stillFrameTime,
  type PresentedFrame,
} from './chapter-stop';

/** The chapter being played: its index, span and whether the film stops at its end. */
export interface PlayingChapter {
  index: number;
  start: number;
  end: number;
  pause: boolean;
}

/**
 * Watches the chapter being played and acts on its last frame. requestVideoFrameCallback reports each frame
 * as it is presented (timeupdate fires only every 15-250 ms and would overshoot into the next scene): when
 * the next frame would belong to the next chapter, the film pauses (for a chapter that stops) and seeks a
 * millisecond before the end, so the still picture is the chapter's own last frame. Then `onEnded` reports
 * it. `null` watches nothing (the film is not playing).
 */
export function useChapterStop(
  video: RefObject<HTMLVideoElement | null>,
  chapter: PlayingChapter | null,
  onEnded: (chapter: number, at: number) => void,
): void {
  // The latest callback, without re-arming the watcher each time the parent re-renders.
  const report = useRef(onEnded);
  useEffect(() => {
    report.current = onEnded;
  });
  const index = chapter?.index ?? -1;
  const start = chapter?.start ?? 0;
  const end = chapter?.end ?? 0;
  const pause = chapter?.pause ?? false;

  useEffect(() => {
    const element = video.current;
    if (element === null || index < 0) return;
    let done = false;
    let previous: PresentedFrame | null = null;
    let frameDuration = DEFAULT_FRAME_DURATION;
    let callback = 0;

    const stop = (): void => {
      if (done) return;
      done = true;
      if (pause) {
        element.pause();
        element.currentTime = stillFrameTime(end, start);
      }
      report.current(index, end);
    };
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
      if (done) return;
      const current = { mediaTime: metadata.mediaTime, presentedFrames: metadata.presentedFrames };
      frameDuration = nextFrameDuration(previous, current, frameDuration);
      previous = current;
      if (isLastFrameOfChapter(current.mediaTime, frameDuration, end)) stop();
      else callback = element.requestVideoFrameCallback(onFrame);
    };
    // Backstops: frame callbacks stop while the window is hidden or minimised, and the film's last frame
    // may end playback before its callback runs. timeupdate is late, but the lecture still moves on.
    const onTimeUpdate = (): void => {
      if (element.currentTime >= end) stop();
    };
    const onFilmEnded = (): void => stop();

    callback = element.requestVideoFrameCallback(onFrame);
    element.addEventListener('timeupdate', onTimeUpdate);
    element.addEventListener('ended', onFilmEnded);
    return () => {
      done = true;
      element.cancelVideoFrameCallback(callback);
      element.removeEventListener('timeupdate', onTimeUpdate);
      element.removeEventListener('ended', onFilmEnded);
    };
  }, [video, index, start, end, pause]);
}
