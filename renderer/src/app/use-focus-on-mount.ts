import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to an element when a screen appears, so keyboard and screen-reader users start at the new
 * screen's heading instead of on a button that no longer exists.
 */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
