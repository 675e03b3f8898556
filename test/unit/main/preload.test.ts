import { API_CHANNELS, API_EVENTS } from '../../../src/common/ipc/contract';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import { splitChannel } from '../../../src/common/ipc/plenum-api';
import { OWN_KEYS_SELECTOR } from '../../../src/common/lecture/lecture-keys';
import { TYPING_CHANNEL } from '../../../main/ipc/typing-channel';
import { isTextEntry, reportTyping } from '../../../main/preload';
import { electronMock, resetElectronMock } from '../../support/electron-mock';

jest.mock('electron', () => jest.requireActual('../../support/electron-mock').electronMock);

beforeEach(() => resetElectronMock());

// The API's shape for every channel is buildPlenumApi's (test/unit/common/ipc/build-plenum-api.test.ts);
// these tests check the preload's wiring of it to Electron's IPC. The bundle itself is checked in
// preload-bundle.test.ts.

/** Loads the preload afresh, as Electron does in each new page. */
function loadPreload(): Record<string, Record<string, (args: unknown) => Promise<unknown>>> &
  Pick<PlenumApi, 'on'> {
  jest.isolateModules(() => {
    jest.requireActual('../../../main/preload');
  });
  const api = electronMock.contextBridge.exposed.get('plenum');
  if (api === undefined) throw new Error('window.plenum was not exposed');
  return api as ReturnType<typeof loadPreload>;
}

const [FIRST_CHANNEL, SECOND_CHANNEL] = API_CHANNELS.map(splitChannel);
const [FIRST_EVENT] = API_EVENTS;

describe('window.plenum', () => {
  test('is the only thing exposed, with every group and on; never ipcRenderer', () => {
    const api = loadPreload();
    expect([...electronMock.contextBridge.exposed.keys()]).toEqual(['plenum']);
    const groups = new Set(API_CHANNELS.map((channel) => splitChannel(channel).group));
    expect(Object.keys(api).sort()).toEqual([...groups, 'on'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  test('a method invokes its channel through ipcRenderer.invoke with exactly one argument', async () => {
    const api = loadPreload();
    const call = (channel: { group: string; method: string } | undefined, ...args: unknown[]) =>
      (api[channel!.group]?.[channel!.method] as (...a: unknown[]) => Promise<unknown>)(...args);
    await expect(call(FIRST_CHANNEL, {})).resolves.toEqual({ ok: true, value: null });
    await call(SECOND_CHANNEL, { path: '/c' }, 'extra');
    expect(electronMock.ipcRenderer.invocations).toEqual([
      { channel: API_CHANNELS[0], args: [{}] },
      { channel: API_CHANNELS[1], args: [{ path: '/c' }] },
    ]);
  });

  test('on listens on ipcRenderer, hands the listener the payload alone, and stops listening', () => {
    const api = loadPreload();
    const listener = jest.fn();
    const off = api.on(FIRST_EVENT!, listener);
    const payload = { revision: 1 };
    electronMock.ipcRenderer.emit(FIRST_EVENT!, { sender: electronMock.ipcRenderer }, payload, 'extra');
    expect(listener.mock.calls).toEqual([[payload]]);
    off();
    electronMock.ipcRenderer.emit(FIRST_EVENT!, {}, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electronMock.ipcRenderer.listenerCount(FIRST_EVENT!)).toBe(0);
  });

  test('on refuses names outside API_EVENTS without touching ipcRenderer', () => {
    const api = loadPreload() as unknown as { on(event: unknown, listener: unknown): unknown };
    for (const name of [API_CHANNELS[0], 'ELECTRON_BROWSER_REQUIRE', '', 42, 'toString']) {
      expect(() => api.on(name, () => undefined)).toThrow(TypeError);
    }
    expect(electronMock.ipcRenderer.eventNames()).toEqual([]);
  });
});

describe('typing reports', () => {
  test('text fields, text areas, selects and editable content count as typing; buttons do not', () => {
    expect(isTextEntry({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTextEntry({ tagName: 'SELECT' })).toBe(true);
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextEntry({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    // A button inside a widget with keys of its own (the chapter overview) keeps the arrows from main.
    const inside = (selector: string): unknown => (selector === OWN_KEYS_SELECTOR ? {} : null);
    expect(isTextEntry({ tagName: 'BUTTON', closest: inside })).toBe(true);
    expect(isTextEntry({ tagName: 'BUTTON', closest: () => null })).toBe(false);
  });

  test('focus changes are sent once per change', () => {
    const listeners = new Map<string, (event: { target?: unknown }) => void>();
    const send = jest.fn();
    reportTyping({ addEventListener: (type, listener) => listeners.set(type, listener) }, send);
    const focusIn = (target: unknown) => listeners.get('focusin')?.({ target });
    const focusOut = () => listeners.get('focusout')?.({});
    focusIn({ tagName: 'BUTTON' });
    focusIn({ tagName: 'TEXTAREA' });
    focusIn({ tagName: 'INPUT', type: 'text' });
    focusOut();
    expect(send.mock.calls).toEqual([[true], [false]]);
  });

  test('the loaded preload reports focus changes on main’s typing channel', () => {
    const listeners = new Map<string, (event: { target?: unknown }) => void>();
    const global = globalThis as { addEventListener?: unknown };
    global.addEventListener = (type: string, listener: (event: { target?: unknown }) => void) =>
      listeners.set(type, listener);
    try {
      loadPreload();
    } finally {
      delete global.addEventListener;
    }
    listeners.get('focusin')?.({ target: { tagName: 'TEXTAREA' } });
    listeners.get('focusout')?.({});
    expect(electronMock.ipcRenderer.sentMessages).toEqual([
      { channel: TYPING_CHANNEL, args: [true] },
      { channel: TYPING_CHANNEL, args: [false] },
    ]);
  });
});
