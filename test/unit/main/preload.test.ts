import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_CHANNELS, API_EVENTS } from '../../../src/common/ipc/contract';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';
import { splitChannel } from '../../../src/common/ipc/plenum-api';
import { TYPING_CHANNEL } from '../../../main/ipc/typing-channel';
import {
  buildPlenumApi,
  isTextEntry,
  PRELOAD_CHANNELS,
  PRELOAD_EVENTS,
  PRELOAD_TYPING_CHANNEL,
  reportTyping,
} from '../../../main/preload';
import { electronMock, resetElectronMock } from '../../support/electron-mock';

jest.mock('electron', () => jest.requireActual('../../support/electron-mock').electronMock);

beforeEach(() => resetElectronMock());

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

describe('the copies the sandboxed preload keeps', () => {
  test('its channel list equals API_CHANNELS, in order', () => {
    expect(PRELOAD_CHANNELS).toEqual(API_CHANNELS);
  });

  test('its event list equals API_EVENTS', () => {
    expect(PRELOAD_EVENTS).toEqual(API_EVENTS);
  });

  test('its typing channel equals main’s', () => {
    expect(PRELOAD_TYPING_CHANNEL).toBe(TYPING_CHANNEL);
  });

  test('it requires nothing but electron at run time (a sandboxed preload cannot)', () => {
    const source = readFileSync(join(__dirname, '../../../main/preload.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(
      (m) => m[1],
    );
    expect(runtimeImports).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\(/);
  });
});

describe('window.plenum', () => {
  test('exposes one method per channel, grouped, and on; never ipcRenderer', () => {
    const api = loadPreload();
    expect([...electronMock.contextBridge.exposed.keys()]).toEqual(['plenum']);
    const expected: Record<string, string[]> = {};
    for (const channel of API_CHANNELS) {
      const { group, method } = splitChannel(channel);
      (expected[group] ??= []).push(method);
    }
    const actual: Record<string, string[]> = {};
    for (const [group, methods] of Object.entries(api)) {
      if (group === 'on') continue;
      actual[group] = Object.keys(methods);
    }
    expect(actual).toEqual(expected);
    expect(typeof api.on).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  test('a method invokes its channel with exactly one argument', async () => {
    const api = loadPreload();
    await expect(api['library']?.['list']?.({})).resolves.toEqual({ ok: true, value: null });
    await api['course']?.['unlock']?.({ path: '/c', password: 'p' });
    expect(electronMock.ipcRenderer.invocations).toEqual([
      { channel: 'library.list', args: [{}] },
      { channel: 'course.unlock', args: [{ path: '/c', password: 'p' }] },
    ]);
  });

  test('on subscribes to contract events only and hands the listener the payload alone', () => {
    const api = loadPreload();
    const listener = jest.fn();
    const off = api.on('lecture.state', listener);
    const payload = { handle: 'h', state: {} };
    electronMock.ipcRenderer.emit('lecture.state', { sender: electronMock.ipcRenderer }, payload, 'extra');
    expect(listener.mock.calls).toEqual([[payload]]);
    off();
    electronMock.ipcRenderer.emit('lecture.state', {}, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electronMock.ipcRenderer.listenerCount('lecture.state')).toBe(0);
  });

  test('on refuses names outside API_EVENTS and listeners that are not functions', () => {
    const api = loadPreload() as unknown as { on(event: unknown, listener: unknown): unknown };
    for (const name of ['course.unlock', 'ELECTRON_BROWSER_REQUIRE', '', 42, 'toString']) {
      expect(() => api.on(name, () => undefined)).toThrow(TypeError);
    }
    expect(() => api.on('library.changed', 'not a function')).toThrow(TypeError);
    expect(electronMock.ipcRenderer.eventNames()).toEqual([]);
  });

  test('buildPlenumApi builds the same shape from any invoke and subscribe', async () => {
    const invoke = jest.fn(async () => 'r');
    const api = buildPlenumApi({ invoke, subscribe: () => () => undefined });
    await expect(api.settings.get({})).resolves.toBe('r');
    expect(invoke).toHaveBeenCalledWith('settings.get', {});
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
});
