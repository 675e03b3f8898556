import type { Session } from 'electron';
import { guardSession } from '../../../main/security/guard-session';
import { fakeEvent, FakeSession, FakeWebContents } from '../../support/electron-mock';

function guarded(): FakeSession {
  const ses = new FakeSession('plenum-ui', { cache: false });
  guardSession(ses as unknown as Session);
  return ses;
}

test('every download is cancelled, whatever started it', () => {
  const ses = guarded();
  for (const url of ['plenum://app/media/h/seg-00001.m4s', 'blob:plenum://app/1', 'data:,x']) {
    const event = fakeEvent();
    ses.emit('will-download', event, { getURL: () => url }, new FakeWebContents(), null);
    expect([url, event.defaultPrevented]).toEqual([url, true]);
  }
});

test('the serial, HID and USB choosers are answered with no device, without asking', () => {
  const ses = guarded();
  const answers: unknown[][] = [];
  const record = (...args: unknown[]): void => {
    answers.push(args);
  };
  const serial = fakeEvent();
  ses.emit(
    'select-serial-port',
    serial,
    [{ portId: 'p1', portName: 'ttyUSB0' }],
    new FakeWebContents(),
    record,
  );
  const hid = fakeEvent();
  ses.emit(
    'select-hid-device',
    hid,
    { deviceList: [{ deviceId: 'h1', name: 'keyboard' }], frame: null },
    record,
  );
  const usb = fakeEvent();
  ses.emit(
    'select-usb-device',
    usb,
    { deviceList: [{ deviceId: 'u1', productName: 'stick' }], frame: null },
    record,
  );
  expect([serial, hid, usb].map((event) => event.defaultPrevented)).toEqual([true, true, true]);
  // '' cancels a serial request; no argument cancels HID and USB ones (Electron's documented answers).
  expect(answers).toEqual([[''], [], []]);
});

test('device permissions and Bluetooth pairing are refused', () => {
  const ses = guarded();
  for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) {
    expect([deviceType, ses.devicePermissionHandler?.({ deviceType, origin: 'plenum://app' })]).toEqual([
      deviceType,
      false,
    ]);
  }
  const responses: unknown[] = [];
  ses.bluetoothPairingHandler?.({ deviceId: 'b1', pairingKind: 'confirm' }, (response) =>
    responses.push(response),
  );
  expect(responses).toEqual([{ confirmed: false }]);
});

test('permission requests and checks are denied, and requests off the machine cancelled', () => {
  const ses = guarded();
  const granted: boolean[] = [];
  for (const permission of ['serial', 'hid', 'usb', 'bluetooth', 'media', 'notifications', 'fullscreen']) {
    ses.permissionRequestHandler?.(new FakeWebContents(), permission, (answer) => granted.push(answer));
    expect(ses.permissionCheckHandler?.(new FakeWebContents(), permission, 'plenum://app')).toBe(false);
  }
  expect(granted).toEqual([false, false, false, false, false, false, false]);
  expect(ses.requestIsCancelled('https://example.com/')).toBe(true);
  expect(ses.requestIsCancelled('plenum://app/index.html')).toBe(false);
});
