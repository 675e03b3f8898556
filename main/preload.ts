// The preload runs sandboxed: it may require 'electron' and nothing relative, so it imports types only and
// repeats the channel and event names. Compile-time checks below and test/unit/main/preload.test.ts keep
// the copies equal to API_CHANNELS and API_EVENTS, so drift fails CI instead of a call at run time.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiChannel, ApiEventName } from '../src/common/ipc/contract';
import type { PlenumApi } from '../src/common/ipc/plenum-api';

/** Every channel, in contract order (a copy of API_CHANNELS; see the note at the top). */
export const PRELOAD_CHANNELS = [
  'app.info',
  'library.list',
  'library.add',
  'library.remove',
  'library.pickFile',
  'course.unlock',
  'course.lock',
  'course.manifest',
  'lecture.state',
  'lecture.command',
  'lecture.position',
  'lecture.session',
  'stage.state',
  'stage.present',
  'stage.audience',
  'plans.list',
  'plans.save',
  'plans.remove',
  'notes.list',
  'notes.save',
  'sessions.start',
  'sessions.recordChapter',
  'sessions.end',
  'sessions.list',
  'settings.get',
  'settings.update',
  'shell.openLink',
] as const satisfies readonly ApiChannel[];

/** Every event a window may subscribe to (a copy of API_EVENTS). */
export const PRELOAD_EVENTS = [
  'lecture.state',
  'lecture.position',
  'library.changed',
  'stage.state',
  'settings.changed',
] as const satisfies readonly ApiEventName[];

/** The internal typing report's channel (a copy of main/ipc/typing-channel.ts). */
export const PRELOAD_TYPING_CHANNEL = 'plenum:typing';

// A channel or event added to the contract but not here fails the type check.
const _allChannels: Exclude<ApiChannel, (typeof PRELOAD_CHANNELS)[number]> extends never ? true : never =
  true;
const _allEvents: Exclude<ApiEventName, (typeof PRELOAD_EVENTS)[number]> extends never ? true : never = true;

/** The two IPC operations the API is built on (ipcRenderer itself is never exposed). */
export interface PreloadIpc {
  invoke(channel: string, args: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.plenum`: one method per channel, grouped (`plenum.library.list(args)`), each passing exactly
 * one argument; and `on(event, listener)` for contract events only, handing the listener the payload alone
 * (never the IPC event, which would reach ipcRenderer through `event.sender`).
 */
export function buildPlenumApi(ipc: PreloadIpc): PlenumApi {
  const api: Record<string, unknown> = {};
  for (const channel of PRELOAD_CHANNELS) {
    const dot = channel.indexOf('.');
    const group = channel.slice(0, dot);
    const methods = (api[group] ??= {}) as Record<string, (args: unknown) => Promise<unknown>>;
    methods[channel.slice(dot + 1)] = (args: unknown) => ipc.invoke(channel, args);
  }
  api['on'] = (event: unknown, listener: unknown): (() => void) => {
    if (!(PRELOAD_EVENTS as readonly unknown[]).includes(event) || typeof event !== 'string') {
      throw new TypeError('not a Plenum event');
    }
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    return ipc.subscribe(event, (payload) => (listener as (payload: unknown) => void)(payload));
  };
  return api as unknown as PlenumApi;
}

/** The parts of a focused element the typing check reads (the preload compiles without DOM types). */
interface FocusTarget {
  tagName?: unknown;
  type?: unknown;
  isContentEditable?: unknown;
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
  reportTyping(focusEvents as FocusEvents, (typing) => ipcRenderer.send(PRELOAD_TYPING_CHANNEL, typing));
}
