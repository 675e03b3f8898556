import { API_CHANNELS, API_EVENTS } from '../../../src/common/ipc/contract';
import { splitChannel } from '../../../src/common/ipc/plenum-api';
import { buildInMemory, type BuiltFile } from '../../support/build-in-memory';
import { electronMock, resetElectronMock } from '../../support/electron-mock';

// Builds the preload exactly as `npm run build` does (main/vite.preload.config.mts), in memory, then checks what
// a sandboxed renderer would run.

let outputs: BuiltFile[];
beforeAll(() => {
  outputs = buildInMemory('main/vite.preload.config.mts');
});
beforeEach(() => resetElectronMock());

const bundle = (): string => {
  const code = outputs[0]?.code;
  if (typeof code !== 'string') throw new Error('no preload bundle');
  return code;
};

/** Runs the bundle as Electron's sandbox does: a function of require, module and exports. */
function runSandboxed(code: string): string[] {
  const required: string[] = [];
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electronMock;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  // Running the built bundle is this test's point; vm.compileFunction would run it in Node's outer realm, where
  // its TypeErrors are not this file's TypeError.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see above: code from a string is the subject
  new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
  return required;
}

test('one file, out/main/preload.js, with no source map', () => {
  expect(outputs.map((output) => output.fileName)).toEqual(['preload.js']);
});

test('it requires electron and nothing else, and imports nothing', () => {
  const requires = [...bundle().matchAll(/\brequire\s*\(([^)]*)\)/g)].map((match) => match[1]?.trim());
  expect(requires).toEqual(['"electron"']);
  expect(bundle()).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
});

test('run as the sandbox runs it, it exposes every contract channel and event and nothing else', async () => {
  expect(runSandboxed(bundle())).toEqual(['electron']);
  expect([...electronMock.contextBridge.exposed.keys()]).toEqual(['plenum']);
  const api = electronMock.contextBridge.exposed.get('plenum') as Record<
    string,
    Record<string, (args: unknown) => Promise<unknown>>
  > & { on(event: string, listener: (payload: unknown) => void): () => void };
  for (const channel of API_CHANNELS) {
    const { group, method } = splitChannel(channel);
    await api[group]?.[method]?.({ channel });
  }
  expect(electronMock.ipcRenderer.invocations).toEqual(
    API_CHANNELS.map((channel) => ({ channel, args: [{ channel }] })),
  );
  for (const event of API_EVENTS) {
    const listener = jest.fn();
    api.on(event, listener);
    electronMock.ipcRenderer.emit(event, { sender: electronMock.ipcRenderer }, { event });
    expect(listener.mock.calls).toEqual([[{ event }]]);
  }
  expect(() => api.on('not-an-event', () => undefined)).toThrow(TypeError);
});
