import type { PlenumBackend } from './plenum-backend';

/**
 * The stand-in main.ts uses until src/node/service is wired in: every call is an `internal` error and every
 * media request a 404, so the shell (windows, scheme, guards) can run on its own.
 */
export function createPendingBackend(): PlenumBackend {
  return {
    dispatch: async () => ({ ok: false, error: { code: 'internal' } }),
    onEvent: () => () => undefined,
    mediaHandler: async () => new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } }),
    setAudience: () => undefined,
  };
}
