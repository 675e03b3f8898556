import { useEffect, useState } from 'react';

/** The time now (ms, Date.now()), renewed every `intervalMs` while the component is mounted: for clocks. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const ticker = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(ticker);
  }, [intervalMs]);
  return now;
}
