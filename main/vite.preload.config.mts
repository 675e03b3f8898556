import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The repository root, taken from this file's own URL: a relative root would follow the working directory.
const root = fileURLToPath(new URL('..', import.meta.url));

// Electron 45 runs Chromium 156 and Node 24; the preload runs in both worlds' syntax.
const ELECTRON_45_TARGETS = ['chrome156', 'node24'];

const preloadConfig = defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    // One library build: the preload with everything it imports (src/common, zod) inlined, as CommonJS, because
    // a sandboxed preload is run as a CommonJS function body whose `require` knows only a few names.
    lib: {
      entry: 'main/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.js',
    },
    // The only module the sandbox's require gives us; test/unit/main/preload-bundle.test.ts keeps it the only one.
    rolldownOptions: { external: ['electron'] },
    outDir: 'out/main',
    // out/main also holds tsc's output for main; this build adds one file to it.
    emptyOutDir: false,
    sourcemap: false,
    // Readable in the packaged app and in a bug report; the file is read from local disk once per window.
    minify: false,
    target: ELECTRON_45_TARGETS,
    reportCompressedSize: false,
  },
});

/**
 * Bundles main/preload.ts into out/main/preload.js (run by `npm run build` after tsc, so this file is the one
 * that stays there). The preload then imports the contract's channel list and buildPlenumApi instead of
 * keeping copies of them.
 */
// Vite reads a config file's default export and nothing else.
// eslint-disable-next-line no-restricted-exports
export default preloadConfig;
