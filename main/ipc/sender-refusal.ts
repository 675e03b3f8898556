import type { WebContents, WebFrameMain } from 'electron';
import { isUiUrl } from '../security/url-policy';
import type { WindowRegistry } from '../windows/window-registry';

/** Why an IPC message was refused, for the log. */
export type SenderRefusal = 'no-frame' | 'unknown-window' | 'sub-frame' | 'foreign-url';

/** The parts of an IPC event the check reads (IpcMainEvent and IpcMainInvokeEvent both have them). */
export interface IpcSender {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
}

/**
 * Why a message must be refused, or null when it comes from the top frame of one of our windows showing our
 * UI. The frame is compared with the window's main frame by frame-tree id rather than by object identity,
 * which Electron does not promise for WebFrameMain wrappers.
 */
export function senderRefusal(event: IpcSender, registry: WindowRegistry): SenderRefusal | null {
  const frame = event.senderFrame;
  // Null when the frame navigated away or was destroyed before the message was handled.
  if (frame === null) return 'no-frame';
  if (!registry.has(event.sender)) return 'unknown-window';
  if (frame.parent !== null || frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId)
    return 'sub-frame';
  if (!isUiUrl(frame.url)) return 'foreign-url';
  return null;
}
