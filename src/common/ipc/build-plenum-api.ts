import { API_CHANNELS, API_EVENTS } from './contract';
import type { PlenumApi } from './plenum-api';
import { splitChannel } from './plenum-api';

/**
 * The two operations `window.plenum` is built on: Electron's IPC in the preload, fetch and one EventSource in
 * the loopback host's client. Neither is ever exposed to the page itself.
 */
export interface PlenumTransport {
  /** Sends one call and resolves with main's answer (an ApiResult, as main sent it). */
  invoke(channel: string, args: unknown): Promise<unknown>;
  /** Starts handing an event's payloads to the listener; the returned function stops it. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

const EVENT_NAMES: ReadonlySet<unknown> = new Set(API_EVENTS);

/**
 * Builds `window.plenum` from the contract: one method per channel in API_CHANNELS, grouped
 * (`plenum.library.list(args)`), each passing exactly one argument on; and `on(event, listener)` for names in
 * API_EVENTS only (anything else is a TypeError), handing the listener the payload alone, so nothing the
 * transport carries (an IPC event and its `sender`) reaches the page. Frozen, so a page script cannot swap a
 * method for its own.
 */
export function buildPlenumApi(transport: PlenumTransport): PlenumApi {
  const groups = new Map<string, Record<string, (args: unknown) => Promise<unknown>>>();
  for (const channel of API_CHANNELS) {
    const { group, method } = splitChannel(channel);
    let methods = groups.get(group);
    if (methods === undefined) {
      methods = {};
      groups.set(group, methods);
    }
    // One parameter, so a caller's extra arguments never travel.
    methods[method] = (args: unknown) => transport.invoke(channel, args);
  }
  const api: Record<string, unknown> = {};
  for (const [group, methods] of groups) api[group] = Object.freeze(methods);
  api['on'] = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !EVENT_NAMES.has(event)) throw new TypeError('not a Plenum event');
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    return transport.subscribe(event, (payload) => (listener as (payload: unknown) => void)(payload));
  };
  return Object.freeze(api) as unknown as PlenumApi;
}
