import type { PlenumApi } from '../../../src/common/ipc/plenum-api';

declare global {
  interface Window {
    /**
     * The one door to main: set by Electron's preload, or by the loopback host's `/plenum-client.js`.
     * Absent when the page is opened any other way, so it is read through {@link findPlenumApi}.
     */
    plenum?: PlenumApi;
  }
}

/** The `window.plenum` API, or null when the page was not opened by Plenum (so the app can say so). */
export function findPlenumApi(): PlenumApi | null {
  return window.plenum ?? null;
}
