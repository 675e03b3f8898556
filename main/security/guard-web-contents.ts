import type { Event, WebContents } from 'electron';
import { isUiUrl } from './url-policy';

// Guards are attached once per webContents, whichever of web-contents-created and createWindow comes first.
const guarded = new WeakSet<WebContents>();

/**
 * The navigation guards every webContents gets, including ones main did not create (devtools, anything a
 * bug might open): navigation and redirects only within the UI origin, no new windows (links to the web
 * are opened by the renderer through the explicit `shell.openLink` channel, never from here), no
 * `<webview>`.
 */
export function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const stayOnUi = (event: Event<{ url: string }>): void => {
    if (!isUiUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnUi);
  contents.on('will-frame-navigate', stayOnUi);
  contents.on('will-redirect', stayOnUi);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
