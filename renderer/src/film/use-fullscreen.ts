import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Whether the element is full screen, and how to toggle or leave it. */
export interface Fullscreen {
  active: boolean;
  toggle(): void;
  leave(): void;
}

/** The Fullscreen API on one element (the film's stage, so the room sees only the film and its overlays). */
export function useFullscreen(target: RefObject<HTMLElement | null>): Fullscreen {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const onChange = (): void => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const leave = useCallback((): void => {
    // A refusal (not full screen after all) changes nothing worth telling.
    if (document.fullscreenElement !== null) document.exitFullscreen().catch(() => undefined);
  }, []);
  const toggle = useCallback((): void => {
    if (document.fullscreenElement !== null) leave();
    else target.current?.requestFullscreen().catch(() => undefined);
  }, [target, leave]);
  return { active, toggle, leave };
}
