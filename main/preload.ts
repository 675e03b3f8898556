// The preload runs sandboxed, so at run time it may require 'electron' and nothing else. It is bundled by Vite
// (main/vite.preload.config.mts) into one file with everything it imports inlined: the channel list and
// buildPlenumApi come from src/common, the one home of both, and test/unit/main/preload-bundle.test.ts checks
// that the bundle requires nothing but electron.
import { contextBridge, ipcRenderer } from 'electron';
import { buildPlenumApi } from '../src/common/ipc/build-plenum-api';
import { OWN_KEYS_SELECTOR } from '../src/common/lecture/lecture-keys';
import { TYPING_CHANNEL } from './ipc/typing-channel';

/** The parts of a focused element the typing check reads (the preload compiles without DOM types). */
interface FocusTarget {
  tagName?: unknown;
  type?: unknown;
  isContentEditable?: unknown;
  closest?: unknown;
}

const NON_TEXT_INPUTS: ReadonlySet<string> = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** Whether keys typed into this element belong to it (text fields, text areas, selects, editable content). */
export function isTextEntry(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as FocusTarget;
  if (element.isContentEditable === true) return true;
  // A widget with keys of its own (the chapter overview's arrows) keeps them, as a text field does.
  if (typeof element.closest === 'function' && element.closest(OWN_KEYS_SELECTOR) !== null) return true;
  switch (element.tagName) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      return !NON_TEXT_INPUTS.has(String(element.type).toLowerCase());
    default:
      return false;
  }
}

/** The window's focus events as the preload sees them (the DOM is shared with the page; its scripts are not). */
interface FocusEvents {
  addEventListener(
    type: 'focusin' | 'focusout',
    listener: (event: { target?: unknown }) => void,
    capture: boolean,
  ): void;
}

/** Tells main whether a text field has focus, so typing a note never advances the lecture. */
export function reportTyping(target: FocusEvents, send: (typing: boolean) => void): void {
  let typing = false;
  const update = (next: boolean): void => {
    if (next === typing) return;
    typing = next;
    send(next);
  };
  target.addEventListener('focusin', (event) => update(isTextEntry(event.target)), true);
  target.addEventListener('focusout', () => update(false), true);
}

contextBridge.exposeInMainWorld(
  'plenum',
  buildPlenumApi({
    invoke: (channel, args) => ipcRenderer.invoke(channel, args),
    subscribe(event, listener) {
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  }),
);

const focusEvents = globalThis as unknown as Partial<FocusEvents>;
if (typeof focusEvents.addEventListener === 'function') {
  reportTyping(focusEvents as FocusEvents, (typing) => ipcRenderer.send(TYPING_CHANNEL, typing));
}
