import type { ApiResult } from './api-error';
import type { PlenumTransport } from './build-plenum-api';

/** The part of a fetch Response the transport reads. */
export interface HostFetchResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/** The part of an EventSource the transport uses: named events whose data is one JSON text. */
export interface HostEventSource {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
}

/** What the loopback host's client gives the transport (the page's own fetch and EventSource, or fakes). */
export interface HostTransportDeps {
  fetch(
    url: string,
    init: {
      method: 'POST';
      headers: Record<string, string>;
      body: string;
      credentials: 'same-origin';
    },
  ): Promise<HostFetchResponse>;
  openEventSource(url: string): HostEventSource;
  /** The page's `location.search`: an audience page (`view=audience`) opens its stream as such. */
  pageSearch: string;
}

const FORBIDDEN: ApiResult<never> = { ok: false, error: { code: 'forbidden' } };
const INTERNAL: ApiResult<never> = { ok: false, error: { code: 'internal' } };

/**
 * The event stream's URL for a page. The host counts streams opened with `role=audience` as audience windows,
 * so presence ends when the audience page's stream closes (closed, reloaded, crashed).
 */
export function eventStreamUrl(pageSearch: string): string {
  return new URLSearchParams(pageSearch).get('view') === 'audience' ? '/events?role=audience' : '/events';
}

function isApiResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * The loopback host's transport under `window.plenum`: a call is a same-origin JSON POST to `/api/<channel>`
 * (the token travels in the HttpOnly cookie, never through the page), answered with main's ApiResult; a 403 is
 * `forbidden`, and any other failure (another status, a broken connection, an answer that is not a result) is
 * `internal`, so a call always resolves to a result. Events come over one EventSource, opened at once (the
 * host learns of an audience page from it), with JSON payloads handed to the listeners of that event.
 */
export function createHostTransport(deps: HostTransportDeps): PlenumTransport {
  const source = deps.openEventSource(eventStreamUrl(deps.pageSearch));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    async invoke(channel, args) {
      try {
        const response = await deps.fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args === undefined ? {} : args),
          credentials: 'same-origin',
        });
        if (response.status === 403) return FORBIDDEN;
        if (!response.ok) return INTERNAL;
        const result = await response.json();
        return isApiResult(result) ? result : INTERNAL;
      } catch {
        // Offline host, a body that is not JSON, arguments JSON cannot carry: the same typed failure.
        return INTERNAL;
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (set === undefined) {
        const forEvent = new Set<(payload: unknown) => void>();
        set = forEvent;
        listeners.set(event, forEvent);
        source.addEventListener(event, (message) => {
          let payload: unknown;
          try {
            payload = JSON.parse(message.data);
          } catch {
            return; // the host sends JSON only; a broken frame is dropped, not thrown into the page
          }
          // A copy: a listener may unsubscribe (itself or another) while the event is handed out.
          for (const each of [...forEvent]) each(payload);
        });
      }
      const own = set;
      own.add(listener);
      return () => {
        own.delete(listener);
      };
    },
  };
}
