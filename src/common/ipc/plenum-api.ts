import type { ApiResult } from './api-error';
import type { ApiArgs, ApiChannel, ApiEventName, ApiEvents, ApiValue } from './contract';

/** Splits 'library.list' into ['library', 'list'] at the type level. */
type Split<C extends string> = C extends `${infer G}.${infer M}` ? [G, M] : never;
type Group<C extends ApiChannel> = Split<C>[0];
type Method<C extends ApiChannel> = Split<C>[1];

/**
 * `window.plenum`: one method per channel, grouped (`plenum.library.list({})`), plus `on` for events.
 * Built from API_CONTRACT by the preload (Electron) and by the loopback host's client script, so the
 * renderer is the same in both.
 */
export type PlenumApi = {
  [G in Group<ApiChannel>]: {
    [C in ApiChannel as Group<C> extends G ? Method<C> : never]: (
      args: ApiArgs<C>,
    ) => Promise<ApiResult<ApiValue<C>>>;
  };
} & {
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

/** Splits a channel name into its group and method (the shape of `window.plenum`). */
export function splitChannel(channel: ApiChannel): { group: string; method: string } {
  const dot = channel.indexOf('.');
  return { group: channel.slice(0, dot), method: channel.slice(dot + 1) };
}
