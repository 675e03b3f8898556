import { API_CHANNELS } from '../../../src/common/ipc/contract';
import type { WebContents } from 'electron';
import { registerApi } from '../../../main/ipc/register-api';
import { createWindowRegistry } from '../../../main/windows/window-registry';
import { electronMock, FakeWebContents, FakeWebFrame, resetElectronMock } from '../../support/electron-mock';

jest.mock('electron', () => jest.requireActual('../../support/electron-mock').electronMock);

const FORBIDDEN = { ok: false, error: { code: 'forbidden' } };

function setUp(dispatch = jest.fn(async () => ({ ok: true as const, value: 'done' }))) {
  const registry = createWindowRegistry();
  const log = jest.fn();
  const ours = new FakeWebContents('plenum://app/index.html');
  registry.add(ours as unknown as WebContents);
  const unregister = registerApi({ registry, dispatch, log });
  return { registry, log, ours, dispatch, unregister };
}

beforeEach(() => resetElectronMock());

test('registers exactly the contract channels, and removes them again', () => {
  const { unregister } = setUp();
  expect([...electronMock.ipcMain.handlers.keys()]).toEqual(API_CHANNELS);
  unregister();
  expect(electronMock.ipcMain.handlers.size).toBe(0);
});

test('the top frame of our window on plenum://app reaches the backend with only its first argument', async () => {
  const { ours, dispatch } = setUp();
  const result = await electronMock.ipcMain.invoke(
    'notes.list',
    { sender: ours, senderFrame: ours.mainFrame },
    { courseId: 'c' },
    'second',
  );
  expect(result).toEqual({ ok: true, value: 'done' });
  expect(dispatch).toHaveBeenCalledWith('notes.list', { courseId: 'c' });
});

test('a sub-frame of our window is refused', async () => {
  const { ours, dispatch, log } = setUp();
  const child = new FakeWebFrame('plenum://app/index.html', ours.mainFrame);
  await expect(
    electronMock.ipcMain.invoke('library.list', { sender: ours, senderFrame: child }, {}),
  ).resolves.toEqual(FORBIDDEN);
  expect(dispatch).not.toHaveBeenCalled();
  expect(log).toHaveBeenCalledWith('ipc refused', { channel: 'library.list', refusal: 'sub-frame' });
});

test('a parentless frame that is not the main frame is refused', async () => {
  const { ours, dispatch } = setUp();
  const other = new FakeWebFrame('plenum://app/index.html', null);
  await expect(
    electronMock.ipcMain.invoke('library.list', { sender: ours, senderFrame: other }, {}),
  ).resolves.toEqual(FORBIDDEN);
  expect(dispatch).not.toHaveBeenCalled();
});

test.each([
  'https://example.com/',
  'file:///app/index.html',
  'plenum://media/x',
  'plenum://evil/index.html',
  'about:blank',
])('a top frame showing %s is refused', async (url) => {
  const { ours, dispatch, log } = setUp();
  ours.mainFrame.url = url;
  await expect(
    electronMock.ipcMain.invoke('state.get', { sender: ours, senderFrame: ours.mainFrame }, {}),
  ).resolves.toEqual(FORBIDDEN);
  expect(dispatch).not.toHaveBeenCalled();
  expect(log).toHaveBeenCalledWith('ipc refused', { channel: 'state.get', refusal: 'foreign-url' });
});

test('a webContents that is not one of our windows is refused', async () => {
  const { dispatch, log } = setUp();
  const stranger = new FakeWebContents('plenum://app/index.html');
  await expect(
    electronMock.ipcMain.invoke(
      'shell.openLink',
      { sender: stranger, senderFrame: stranger.mainFrame },
      { url: 'https://x' },
    ),
  ).resolves.toEqual(FORBIDDEN);
  expect(dispatch).not.toHaveBeenCalled();
  expect(log).toHaveBeenCalledWith('ipc refused', { channel: 'shell.openLink', refusal: 'unknown-window' });
});

test('a destroyed window leaves the registry and is refused afterwards', async () => {
  const { ours, dispatch } = setUp();
  const frame = ours.mainFrame;
  ours.destroy();
  await expect(
    electronMock.ipcMain.invoke('app.info', { sender: ours, senderFrame: frame }, {}),
  ).resolves.toEqual(FORBIDDEN);
  expect(dispatch).not.toHaveBeenCalled();
});

test('a message whose frame is already gone is refused', async () => {
  const { ours } = setUp();
  await expect(
    electronMock.ipcMain.invoke('app.info', { sender: ours, senderFrame: null }, {}),
  ).resolves.toEqual(FORBIDDEN);
});

test('a dispatch that throws answers internal instead of throwing across the boundary', async () => {
  const { ours, log } = setUp(
    jest.fn(async () => {
      throw new Error('boom');
    }),
  );
  await expect(
    electronMock.ipcMain.invoke('app.info', { sender: ours, senderFrame: ours.mainFrame }, {}),
  ).resolves.toEqual({ ok: false, error: { code: 'internal' } });
  expect(log).toHaveBeenCalledWith('ipc dispatch threw', expect.objectContaining({ channel: 'app.info' }));
});
