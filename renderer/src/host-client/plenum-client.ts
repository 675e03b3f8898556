// The loopback host's stand-in for Electron's preload, built by renderer/vite.host-client.config.mts into
// out/renderer/plenum-client.js, a classic script the host puts first in the page's <head>, so window.plenum
// exists before any of the app's own scripts run. The token is never here: it travels in an HttpOnly cookie.
import { buildPlenumApi } from '../../../src/common/ipc/build-plenum-api';
import { createHostTransport } from '../../../src/common/ipc/host-transport';

const api = buildPlenumApi(
  createHostTransport({
    fetch: (url, init) => window.fetch(url, init),
    openEventSource: (url) => new EventSource(url),
    pageSearch: window.location.search,
  }),
);

// Fixed for the page's lifetime: no later script can replace or remove it.
Object.defineProperty(window, 'plenum', {
  value: api,
  writable: false,
  configurable: false,
  enumerable: true,
});
