import { runInNewContext } from 'node:vm';
import { API_CHANNELS, API_EVENTS } from '../../../../src/common/ipc/contract';
import { splitChannel } from '../../../../src/common/ipc/plenum-api';
import { buildInMemory, type BuiltFile } from '../../../support/build-in-memory';

// Builds the host's client exactly as `npm run build` does (renderer/vite.host-client.config.mts), in memory,
// and runs it as a page would, with the page's fetch, EventSource and location played by fakes.

let outputs: BuiltFile[];
beforeAll(() => {
  outputs = buildInMemory('renderer/vite.host-client.config.mts');
});

const bundle = (): string => {
  const code = outputs[0]?.code;
  if (typeof code !== 'string') throw new Error('no client bundle');
  return code;
};

/** Runs the bundle in a fresh global, as a classic script in a page opened at `search`. */
function runInPage(search: string) {
  const requests: { url: string; init: { body: string } }[] = [];
  const sources: { url: string; listeners: Map<string, (event: { data: string }) => void> }[] = [];
  class FakeEventSource {
    readonly listeners = new Map<string, (event: { data: string }) => void>();
    constructor(readonly url: string) {
      sources.push(this);
    }
    addEventListener(type: string, listener: (event: { data: string }) => void): void {
      this.listeners.set(type, listener);
    }
  }
  const page: Record<string, unknown> = {
    location: { search },
    URLSearchParams,
    EventSource: FakeEventSource,
    fetch: async (url: string, init: { body: string }) => {
      requests.push({ url, init });
      return { ok: true, status: 200, json: async () => ({ ok: true, value: url }) };
    },
  };
  page['window'] = page;
  runInNewContext(bundle(), page);
  return { page, requests, sources };
}

test('one classic script, plenum-client.js: no module syntax, no require', () => {
  expect(outputs.map((output) => output.fileName)).toEqual(['plenum-client.js']);
  expect(bundle()).not.toMatch(/^\s*(import|export)\s|\bimport\s*\(|\brequire\s*\(/m);
});

test('it defines window.plenum for good: not writable, not configurable, frozen', () => {
  const { page } = runInPage('');
  const descriptor = Object.getOwnPropertyDescriptor(page, 'plenum');
  expect(descriptor).toMatchObject({ writable: false, configurable: false });
  expect(Object.isFrozen(descriptor?.value)).toBe(true);
  // Nothing else of ours lands on the page's global (zod keeps its registry there, as in the app's bundle).
  const added = Object.keys(page).filter((name) => !name.startsWith('__zod_'));
  expect(added.sort()).toEqual(['EventSource', 'URLSearchParams', 'fetch', 'location', 'plenum', 'window']);
});

test('every channel posts to /api/<channel>; events come over one /events stream as JSON', async () => {
  const { page, requests, sources } = runInPage('?course=%2Fx');
  const api = page['plenum'] as Record<string, Record<string, (args: unknown) => Promise<unknown>>> & {
    on(event: string, listener: (payload: unknown) => void): () => void;
  };
  for (const channel of API_CHANNELS) {
    const { group, method } = splitChannel(channel);
    await expect(api[group]?.[method]?.({ n: 1 })).resolves.toEqual({ ok: true, value: `/api/${channel}` });
  }
  expect(requests.map((request) => [request.url, request.init.body])).toEqual(
    API_CHANNELS.map((channel) => [`/api/${channel}`, '{"n":1}']),
  );
  expect(sources.map((source) => source.url)).toEqual(['/events']);
  for (const event of API_EVENTS) {
    const payloads: unknown[] = [];
    api.on(event, (payload) => payloads.push(payload));
    sources[0]?.listeners.get(event)?.({ data: `{"event":"${event}"}` });
    expect(payloads).toEqual([{ event }]);
  }
  expect(() => api.on('not-an-event', () => undefined)).toThrow();
});

test('an audience page opens its stream as the audience', () => {
  expect(runInPage('?view=audience').sources.map((source) => source.url)).toEqual(['/events?role=audience']);
});
