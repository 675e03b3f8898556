import { buildPlenumApi, type PlenumTransport } from '../../../../src/common/ipc/build-plenum-api';
import { API_CHANNELS, API_EVENTS } from '../../../../src/common/ipc/contract';
import { splitChannel } from '../../../../src/common/ipc/plenum-api';

/** A transport that records every call and subscription, and lets the test emit events. */
function fakeTransport() {
  const invocations: { channel: string; args: unknown[] }[] = [];
  // Kept as taking any arguments: a transport may hand a listener more than the payload (the IPC event).
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const transport: PlenumTransport = {
    invoke: (...call: [string, ...unknown[]]) => {
      const [channel, ...args] = call;
      invocations.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  };
  const count = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return { transport, invocations, emit, count };
}

type LooseApi = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> & {
  on(event: unknown, listener: unknown): () => void;
};

const looseApi = (transport: PlenumTransport) => buildPlenumApi(transport) as unknown as LooseApi;

test('one method per channel in API_CHANNELS, grouped, plus on; nothing else', () => {
  const api = looseApi(fakeTransport().transport);
  const expected: Record<string, string[]> = {};
  for (const channel of API_CHANNELS) {
    const { group, method } = splitChannel(channel);
    (expected[group] ??= []).push(method);
  }
  const actual: Record<string, string[]> = {};
  for (const [group, methods] of Object.entries(api)) {
    if (group !== 'on') actual[group] = Object.keys(methods);
  }
  expect(actual).toEqual(expected);
  expect(typeof api.on).toBe('function');
  expect(Object.keys(api).sort()).toEqual([...Object.keys(expected), 'on'].sort());
});

test('every method invokes its own channel with exactly one argument, and returns the answer', async () => {
  const fake = fakeTransport();
  const api = looseApi(fake.transport);
  for (const channel of API_CHANNELS) {
    const { group, method } = splitChannel(channel);
    await expect(api[group]?.[method]?.({ n: 1 }, 'extra', 'more')).resolves.toEqual({
      ok: true,
      value: channel,
    });
  }
  expect(fake.invocations).toEqual(API_CHANNELS.map((channel) => ({ channel, args: [{ n: 1 }] })));
});

test('on hands the listener the payload alone, for every event, and unsubscribes', () => {
  const fake = fakeTransport();
  const api = looseApi(fake.transport);
  for (const event of API_EVENTS) {
    const listener = jest.fn();
    const off = api.on(event, listener);
    fake.emit(event, { event }, { sender: 'ipc' });
    expect(listener.mock.calls).toEqual([[{ event }]]);
    off();
    fake.emit(event, { event });
    expect(listener).toHaveBeenCalledTimes(1);
  }
  expect(fake.count()).toBe(0);
});

test('on refuses names outside API_EVENTS and listeners that are not functions, subscribing nothing', () => {
  const fake = fakeTransport();
  const api = looseApi(fake.transport);
  for (const name of [API_CHANNELS[0], 'ELECTRON_BROWSER_REQUIRE', '', 42, null, 'toString', '__proto__']) {
    expect(() => api.on(name, () => undefined)).toThrow(TypeError);
  }
  expect(() => api.on(API_EVENTS[0], 'not a function')).toThrow(TypeError);
  expect(fake.count()).toBe(0);
});

test('the API is frozen: a page script cannot replace a method or on', () => {
  const api = looseApi(fakeTransport().transport);
  const [first] = API_CHANNELS;
  const { group, method } = splitChannel(first!);
  expect(Object.isFrozen(api)).toBe(true);
  expect(Object.isFrozen(api[group])).toBe(true);
  expect(() => {
    (api[group] as Record<string, unknown>)[method] = () => 'stolen';
  }).toThrow(TypeError);
  expect(() => {
    (api as Record<string, unknown>)['on'] = () => 'stolen';
  }).toThrow(TypeError);
});
