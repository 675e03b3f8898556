import type { Session } from 'electron';
import { isAllowedRequestUrl } from './url-policy';

/**
 * The session-wide guards: every permission request and check is denied (the app needs none: fullscreen is
 * done by main, the display is kept awake by powerSaveBlocker), and every request that would leave the
 * machine is cancelled.
 */
export function guardSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
