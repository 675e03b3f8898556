import { UI_CONTENT_SECURITY_POLICY } from '../../src/node/app/content-security-policy';
import { UI_MEDIA_PREFIX } from './plenum-scheme';

/** A handler in the shape `protocol.handle` takes (and the loopback host's server adapts). */
export type SchemeHandler = (request: Request) => Promise<Response>;

/**
 * The one `plenum:` handler: `plenum://app/media/...` goes to the media handler as it came (it routes the
 * `/media/<handle>/<entry>` path, the same one the loopback host serves), the rest of `plenum://app/...` to the
 * UI, and any other host, `plenum://media` included, is a 404: there is one origin, so one way in.
 */
export function createPlenumProtocolHandler(handlers: {
  ui: SchemeHandler;
  media: SchemeHandler;
}): SchemeHandler {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return unknownHost();
    return url.pathname.startsWith(UI_MEDIA_PREFIX) ? handlers.media(request) : handlers.ui(request);
  };
}

function unknownHost(): Response {
  return new Response(null, {
    status: 404,
    headers: {
      'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
