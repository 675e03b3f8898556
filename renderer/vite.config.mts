import { defineConfig } from 'vite';

// No node:path here: the renderer folder may not import Node built-ins (dependency-cruiser), and this file
// lives in it. A relative root would be resolved against the working directory, so the folder is taken
// from this file's own URL instead.
const here = new URL('.', import.meta.url).pathname;

const rendererConfig = defineConfig({
  root: here,
  base: './',
  publicDir: false,
  // Vite 8 transforms TSX with oxc; the automatic runtime needs no React import in every file.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // Inlined assets would become data: URLs; keeping every asset a file keeps the CSP simple.
    assetsInlineLimit: 0,
    // The modulepreload polyfill is an inline script; Electron's Chromium supports modulepreload natively.
    modulePreload: { polyfill: false },
    target: 'chrome130',
    reportCompressedSize: false,
    // One bundle read from local disk (hls.js is most of it): splitting would buy nothing offline.
    chunkSizeWarningLimit: 1500,
  },
});

/**
 * Builds the renderer into out/renderer. `base: './'` makes every asset URL relative, so the same build
 * loads under plenum://app/ (Electron) and http://127.0.0.1:<port>/ (the loopback host). Nothing inline,
 * nothing fetched from elsewhere, no source maps shipped.
 */
// Vite reads a config file's default export and nothing else, so this is the tree's one default export.
// eslint-disable-next-line no-restricted-exports
export default rendererConfig;
