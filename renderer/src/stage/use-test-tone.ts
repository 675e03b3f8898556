import { useEffect, useRef, useState } from 'react';

/** The test tone: a pure sine at the reference frequency of sound checks. */
export const TEST_TONE_HZ = 1000;
/** Long enough to hear at the back of the room, short enough not to annoy anyone early. */
export const TEST_TONE_SECONDS = 1;
/** Moderate: about -14 dBFS, so the room's amplifier, not the file, decides how loud it gets. */
export const TEST_TONE_GAIN = 0.2;
/** Fade in and out, so the tone starts and stops without a click. */
const RAMP_SECONDS = 0.02;
/** The tone counts as over this long after it should have ended, even if the audio clock never ran. */
const GIVE_UP_MS = (TEST_TONE_SECONDS + 1) * 1000;

/** Whether the tone sounds: idle, sounding now, or held back by the browser (no user gesture on the page). */
export type TestToneState = 'idle' | 'sounding' | 'blocked';

/**
 * Plays the test tone in this window each time main's `toneAt` changes, while `active` (this window holds
 * the stage). The first value seen is only remembered: a window that loads or reloads never plays an old
 * tone. `toneAt` is undefined until main's snapshot has arrived. WebAudio makes the tone here, so nothing
 * is loaded: no file, no network.
 */
export function useTestTone(toneAt: number | null | undefined, active: boolean): TestToneState {
  const heard = useRef<number | null | undefined>(undefined);
  const [state, setState] = useState<TestToneState>('idle');
  useEffect(() => {
    if (toneAt === undefined) return;
    if (heard.current === undefined) {
      heard.current = toneAt;
      return;
    }
    if (toneAt === heard.current) return;
    heard.current = toneAt;
    if (!active || toneAt === null) return;
    return playTone(setState);
  }, [toneAt, active]);
  return state;
}

/** Plays one tone and reports its state; the returned function stops it (a newer tone, or unmount). */
function playTone(report: (state: TestToneState) => void): () => void {
  let context: AudioContext;
  try {
    context = new AudioContext();
  } catch {
    report('blocked');
    return () => undefined;
  }
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = TEST_TONE_HZ;
  const start = context.currentTime + 0.05;
  const end = start + TEST_TONE_SECONDS;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(TEST_TONE_GAIN, start + RAMP_SECONDS);
  gain.gain.setValueAtTime(TEST_TONE_GAIN, end - RAMP_SECONDS);
  gain.gain.linearRampToValueAtTime(0, end);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(end);
  report('sounding');
  let done = false;
  // Without a gesture on the page a browser may keep the context suspended: the tone never plays and never
  // ends. Electron's windows allow it; a browser tab is told so, in words, instead of waiting for ever.
  const giveUp = setTimeout(() => finish(context.state === 'running' ? 'idle' : 'blocked'), GIVE_UP_MS);
  function finish(outcome: TestToneState): void {
    if (done) return;
    done = true;
    clearTimeout(giveUp);
    report(outcome);
    void context.close().catch(() => undefined);
  }
  oscillator.onended = () => finish('idle');
  void context.resume().catch(() => undefined);
  return () => finish('idle');
}
