import { useEffect, useState, type RefObject } from 'react';

/** The preview's drawing: the stage laid out at the window's own size, then scaled into the preview's box. */
export interface StagePreviewSize {
  width: number;
  height: number;
  scale: number;
}

/**
 * Fits a whole-window stage into the preview box: the stage is laid out as if it filled this window (its type
 * is sized in vw, for the projector), and scaled down to the box's width, so the preview shows exactly what
 * the room sees rather than a reflowed miniature.
 */
export function useStagePreviewSize(box: RefObject<HTMLElement | null>): StagePreviewSize {
  const [size, setSize] = useState<StagePreviewSize>(() => measure(box.current));
  useEffect(() => {
    // Measured again once mounted: before that the box has no layout to read.
    const update = (): void => setSize(measure(box.current));
    update();
    const observer = new ResizeObserver(update);
    if (box.current !== null) observer.observe(box.current);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [box]);
  return size;
}

function measure(box: HTMLElement | null): StagePreviewSize {
  const width = Math.max(window.innerWidth, 1);
  const height = Math.max(window.innerHeight, 1);
  const boxWidth = box?.clientWidth ?? width / 3;
  return { width, height, scale: boxWidth / width };
}
