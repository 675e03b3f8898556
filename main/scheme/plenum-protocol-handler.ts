import { UI_CONTENT_SECURITY_POLICY } from '../../src/node/app/content-security-policy';
import { MEDIA_ORIGIN, UI_MEDIA_PREFIX } from './plenum-scheme';

/** A handler in the shape `protocol.handle` takes (and the loopback host's server adapts). */
export type SchemeHandler = (request: Request) => Promise<Response>;

/**
 * The one `plenum:` handler: `plenum://app/media/...` and `plenum://media/...` go to the media handler
 * (the first rewritten to the second, so the media handler routes one form only), the rest of
 * `plenum://app/...` to the UI, and any other host is a 404.
 */
export function createPlenumProtocolHandler(handlers: {
  ui: SchemeHandler;
  media: SchemeHandler;
}): SchemeHandler {
  return async (request) => {
    const url = new URL(request.url);
    switch (url.host) {
      case 'app':
        if (url.pathname.startsWith(UI_MEDIA_PREFIX)) {
          const canonical = `${MEDIA_ORIGIN}/${url.pathname.slice(UI_MEDIA_PREFIX.length)}${url.search}`;
          return handlers.media(new Request(canonical, request));
        }
        return handlers.ui(request);
      case 'media':
        return handlers.media(request);
      default:
        return new Response(null, {
          status: 404,
          headers: {
            'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
            'X-Content-Type-Options': 'nosniff',
          },
        });
    }
  };
}
