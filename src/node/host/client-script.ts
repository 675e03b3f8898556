import { API_CHANNELS, API_EVENTS } from '../../common/ipc/contract';

/**
 * The loopback host's stand-in for Electron's preload: a script that defines `window.plenum` with one
 * method per channel (a same-origin POST each) and `on` for events (one EventSource). Generated from the
 * contract, so it can never offer a channel the contract lacks. The token travels in an HttpOnly cookie,
 * never in this script. An audience page (`?view=audience`) opens its event stream as such, which is how the
 * host knows an audience window is showing the stage.
 */
export function buildClientScript(): string {
  return `'use strict';
(() => {
  const channels = ${JSON.stringify(API_CHANNELS)};
  const eventNames = ${JSON.stringify(API_EVENTS)};
  const api = {};
  for (const channel of channels) {
    const [group, method] = channel.split('.');
    api[group] = api[group] || {};
    api[group][method] = async (args) => {
      try {
        const response = await fetch('/api/' + channel, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args === undefined ? {} : args),
          credentials: 'same-origin',
        });
        if (!response.ok) return { ok: false, error: { code: response.status === 403 ? 'forbidden' : 'internal' } };
        return await response.json();
      } catch (error) {
        return { ok: false, error: { code: 'internal' } };
      }
    };
  }
  const listeners = new Map(eventNames.map((name) => [name, new Set()]));
  // The audience page says so when it opens its stream: the host counts such streams as audience windows.
  const audience = new URLSearchParams(location.search).get('view') === 'audience';
  const source = new EventSource(audience ? '/events?role=audience' : '/events');
  for (const name of eventNames) {
    source.addEventListener(name, (event) => {
      const payload = JSON.parse(event.data);
      for (const listener of listeners.get(name)) listener(payload);
    });
  }
  api.on = (name, listener) => {
    const set = listeners.get(name);
    if (!set) throw new Error('unknown event ' + name);
    set.add(listener);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, 'plenum', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
