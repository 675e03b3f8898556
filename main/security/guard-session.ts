import type { Session } from 'electron';
import { isAllowedRequestUrl } from './url-policy';

/**
 * The session-wide guards: every permission request and check is denied (the app needs none: fullscreen is
 * done by main, the display is kept awake by powerSaveBlocker), and so is every device permission; every
 * request that would leave the machine is cancelled; no download is ever started (a decrypted segment or
 * picture saved by a "save as" or a `download` link would be plaintext on disk); and the device choosers a
 * page could open (serial port, HID, USB) are answered "none" without asking. The Bluetooth chooser belongs
 * to each webContents (guard-web-contents.ts).
 */
export function guardSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Linux and Windows: a pairing that needs confirmation or a PIN is declined, never shown.
  ses.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  ses.on('will-download', (event) => event.preventDefault());
  // Each chooser: take the decision from Chromium (preventDefault), then answer with no device, which cancels.
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}
