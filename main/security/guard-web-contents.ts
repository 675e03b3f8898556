import type { Event, WebContents } from 'electron';
import { isUiPageUrl } from './url-policy';

// Guards are attached once per webContents, whichever of web-contents-created and createWindow comes first.
const guarded = new WeakSet<WebContents>();

/**
 * The navigation guards every webContents gets, including ones main did not create (devtools, anything a
 * bug might open): navigation and redirects only to the UI's page (never to a media entry on the same
 * origin, which would show decrypted content outside the player), no new windows (links to the web
 * are opened by the renderer through the explicit `shell.openLink` channel, never from here), no
 * `<webview>`, and no Bluetooth device chosen for a page.
 */
export function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const stayOnUi = (event: Event<{ url: string }>): void => {
    if (!isUiPageUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnUi);
  contents.on('will-frame-navigate', stayOnUi);
  contents.on('will-redirect', stayOnUi);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Without preventDefault Chromium picks the first device it finds; '' then cancels the request.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
