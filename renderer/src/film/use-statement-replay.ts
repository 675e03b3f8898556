import { useCallback, useEffect, useState, type RefObject } from 'react';
import {
  DEFAULT_FRAME_DURATION,
  isLastFrameOfChapter,
  nextFrameDuration,
  stillFrameTime,
  type ChapterSpan,
  type PresentedFrame,
} from './chapter-stop';

/** A statement being replayed, and how to start or stop one. */
export interface StatementReplay {
  /** The span being replayed, or null. */
  replaying: ChapterSpan | null;
  replay(span: ChapterSpan): void;
  cancel(): void;
}

/**
 * Replays a statement (a timed insert) on its own: seeks to its start, plays, and pauses on its last frame,
 * watched frame by frame like a chapter end. It runs outside the lecture state (which stays where it was,
 * usually discussing), so the chapter-end watcher is not armed and no chapter end is reported. (`videoRef` is
 * named as a ref so that React's compiler rules see moving the element's playhead as no hook-argument mutation.)
 */
export function useStatementReplay(videoRef: RefObject<HTMLVideoElement | null>): StatementReplay {
  const [replaying, setReplaying] = useState<ChapterSpan | null>(null);
  const replay = useCallback((span: ChapterSpan) => setReplaying({ start: span.start, end: span.end }), []);
  const cancel = useCallback(() => setReplaying(null), []);
  useEffect(() => {
    const element = videoRef.current;
    if (element === null || replaying === null) return;
    const { start, end } = replaying;
    let done = false;
    let previous: PresentedFrame | null = null;
    let frameDuration = DEFAULT_FRAME_DURATION;
    let callback = 0;
    const stop = (): void => {
      if (done) return;
      done = true;
      element.pause();
      element.currentTime = stillFrameTime(end, start);
      setReplaying(null);
    };
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
      if (done) return;
      const current = { mediaTime: metadata.mediaTime, presentedFrames: metadata.presentedFrames };
      frameDuration = nextFrameDuration(previous, current, frameDuration);
      previous = current;
      // Frames still showing the old position (before the seek lands) are not the statement's.
      if (
        current.mediaTime >= start - frameDuration &&
        isLastFrameOfChapter(current.mediaTime, frameDuration, end)
      ) {
        stop();
      } else callback = element.requestVideoFrameCallback(onFrame);
    };
    // A backstop while frame callbacks are suspended (a hidden window); late, but it still stops.
    const onTimeUpdate = (): void => {
      if (element.currentTime >= end) stop();
    };
    element.currentTime = start;
    callback = element.requestVideoFrameCallback(onFrame);
    element.addEventListener('timeupdate', onTimeUpdate);
    element.play().catch(() => setReplaying(null));
    return () => {
      if (!done) element.pause();
      done = true;
      element.cancelVideoFrameCallback(callback);
      element.removeEventListener('timeupdate', onTimeUpdate);
    };
  }, [videoRef, replaying]);
  return { replaying, replay, cancel };
}
