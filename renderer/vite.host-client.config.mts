import { defineConfig } from 'vite';

// No node:path here: the renderer folder may not import Node built-ins (dependency-cruiser), so the folder is
// taken from this file's own URL, as in vite.config.mts.
const here = new URL('.', import.meta.url).pathname;

const hostClientConfig = defineConfig({
  root: here,
  publicDir: false,
  logLevel: 'warn',
  build: {
    // One classic script (an IIFE, no exports, no imports): it must run before the page's module scripts.
    lib: {
      entry: 'src/host-client/plenum-client.ts',
      formats: ['iife'],
      name: 'plenumClient',
      fileName: () => 'plenum-client.js',
    },
    // Next to the renderer it serves, after the renderer's own build (which empties the folder).
    outDir: '../out/renderer',
    emptyOutDir: false,
    sourcemap: false,
    target: 'chrome130',
    reportCompressedSize: false,
  },
});

/**
 * Builds the loopback host's client, `out/renderer/plenum-client.js`: window.plenum from buildPlenumApi over
 * fetch and one EventSource (src/common/ipc/host-transport.ts). The host serves it like any renderer file.
 */
// Vite reads a config file's default export and nothing else.
// eslint-disable-next-line no-restricted-exports
export default hostClientConfig;
