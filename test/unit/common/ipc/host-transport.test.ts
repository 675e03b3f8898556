import { buildPlenumApi } from '../../../../src/common/ipc/build-plenum-api';
import { API_CHANNELS, API_EVENTS } from '../../../../src/common/ipc/contract';
import {
  createHostTransport,
  eventStreamUrl,
  type HostFetchResponse,
  type HostTransportDeps,
} from '../../../../src/common/ipc/host-transport';
import { splitChannel } from '../../../../src/common/ipc/plenum-api';

/** A fake EventSource: records its URL and listeners, and lets the test play the host's frames. */
class FakeEventSource {
  readonly listeners = new Map<string, ((event: { data: string }) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  frame(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

function setUp(answer: () => Promise<HostFetchResponse> = async () => json(200, { ok: true, value: 1 })) {
  const requests: { url: string; init: Parameters<HostTransportDeps['fetch']>[1] }[] = [];
  const sources: FakeEventSource[] = [];
  const deps: HostTransportDeps = {
    fetch: async (url, init) => {
      requests.push({ url, init });
      return answer();
    },
    openEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    pageSearch: '',
  };
  return { deps, requests, sources, transport: () => createHostTransport(deps) };
}

const json = (status: number, body: unknown): HostFetchResponse => ({
  ok: status >= 200 && status < 300,
  status,
  json: async () => body,
});

describe('calls', () => {
  test('a call is a same-origin JSON POST to /api/<channel>, answered with the host’s result', async () => {
    const fake = setUp(async () => json(200, { ok: true, value: { entries: [] } }));
    const transport = fake.transport();
    await expect(transport.invoke(API_CHANNELS[0]!, { a: 1 })).resolves.toEqual({
      ok: true,
      value: { entries: [] },
    });
    await transport.invoke(API_CHANNELS[1]!, undefined);
    expect(fake.requests).toEqual([
      {
        url: `/api/${API_CHANNELS[0]}`,
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"a":1}',
          credentials: 'same-origin',
        },
      },
      expect.objectContaining({
        url: `/api/${API_CHANNELS[1]}`,
        init: expect.objectContaining({ body: '{}' }),
      }),
    ]);
  });

  test('a 403 is forbidden; any other failure is internal, never a rejection', async () => {
    const cases: [() => Promise<HostFetchResponse>, string][] = [
      [async () => json(403, ''), 'forbidden'],
      [async () => json(500, { ok: true, value: 'ignored' }), 'internal'],
      [async () => json(404, null), 'internal'],
      [async () => json(200, 'not a result'), 'internal'],
      [async () => json(200, null), 'internal'],
      [
        async () => ({ ok: true, status: 200, json: () => Promise.reject(new SyntaxError('not JSON')) }),
        'internal',
      ],
      [() => Promise.reject(new TypeError('Failed to fetch')), 'internal'],
    ];
    for (const [answer, code] of cases) {
      const result = await setUp(answer).transport().invoke(API_CHANNELS[0]!, {});
      expect(result).toEqual({ ok: false, error: { code } });
    }
  });

  test('arguments JSON cannot carry are internal, and nothing is sent', async () => {
    const fake = setUp();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    await expect(fake.transport().invoke(API_CHANNELS[0]!, cyclic)).resolves.toEqual({
      ok: false,
      error: { code: 'internal' },
    });
    expect(fake.requests).toEqual([]);
  });
});

describe('events', () => {
  test('one stream, opened at once: /events, or /events?role=audience on an audience page', () => {
    expect(eventStreamUrl('')).toBe('/events');
    expect(eventStreamUrl('?view=presenter')).toBe('/events');
    expect(eventStreamUrl('?course=%2Fx&view=audience')).toBe('/events?role=audience');
    const fake = setUp();
    fake.deps.pageSearch = '?view=audience';
    const transport = fake.transport();
    transport.subscribe(API_EVENTS[0]!, () => undefined);
    transport.subscribe(API_EVENTS[1]!, () => undefined);
    expect(fake.sources.map((source) => source.url)).toEqual(['/events?role=audience']);
  });

  test('a frame reaches the listeners of its event as parsed JSON, and stops after unsubscribing', () => {
    const fake = setUp();
    const transport = fake.transport();
    const [first, second] = API_EVENTS;
    const a = jest.fn();
    const b = jest.fn();
    const offA = transport.subscribe(first!, a);
    transport.subscribe(first!, b);
    const other = jest.fn();
    transport.subscribe(second!, other);
    const [source] = fake.sources;
    source!.frame(first!, '{"revision":3}');
    expect(a.mock.calls).toEqual([[{ revision: 3 }]]);
    expect(b.mock.calls).toEqual([[{ revision: 3 }]]);
    expect(other).not.toHaveBeenCalled();
    offA();
    source!.frame(first!, '{"revision":4}');
    expect(a).toHaveBeenCalledTimes(1);
    expect(b.mock.calls).toEqual([[{ revision: 3 }], [{ revision: 4 }]]);
    // One EventSource listener per event, however many subscribers.
    expect(source!.listeners.get(first!)).toHaveLength(1);
  });

  test('a frame that is not JSON is dropped without throwing into the page', () => {
    const fake = setUp();
    const listener = jest.fn();
    fake.transport().subscribe(API_EVENTS[0]!, listener);
    expect(() => fake.sources[0]!.frame(API_EVENTS[0]!, '{broken')).not.toThrow();
    expect(listener).not.toHaveBeenCalled();
  });

  test('a listener may unsubscribe another while an event is handed out; both still get this one', () => {
    const fake = setUp();
    const transport = fake.transport();
    const second = jest.fn();
    let offSecond = (): void => undefined;
    transport.subscribe(API_EVENTS[0]!, () => offSecond());
    offSecond = transport.subscribe(API_EVENTS[0]!, second);
    fake.sources[0]!.frame(API_EVENTS[0]!, '1');
    fake.sources[0]!.frame(API_EVENTS[0]!, '2');
    expect(second.mock.calls).toEqual([[1]]);
  });
});

test('under buildPlenumApi: every method posts to its channel, on gets payloads only', async () => {
  const fake = setUp();
  const api = buildPlenumApi(fake.transport()) as unknown as Record<
    string,
    Record<string, (args: unknown) => Promise<unknown>>
  > & { on(event: string, listener: (payload: unknown) => void): () => void };
  for (const channel of API_CHANNELS) {
    const { group, method } = splitChannel(channel);
    await api[group]?.[method]?.({});
  }
  expect(fake.requests.map((request) => request.url)).toEqual(API_CHANNELS.map((c) => `/api/${c}`));
  const listener = jest.fn();
  api.on(API_EVENTS[0]!, listener);
  fake.sources[0]!.frame(API_EVENTS[0]!, '{"x":1}');
  expect(listener.mock.calls).toEqual([[{ x: 1 }]]);
});
