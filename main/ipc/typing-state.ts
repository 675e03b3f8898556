import { ipcMain } from 'electron';
import type { IpcMainEvent, WebContents } from 'electron';
import type { WindowRegistry } from '../windows/window-registry';
import { senderRefusal } from './sender-refusal';
import { TYPING_CHANNEL } from './typing-channel';

/** Which windows have a text field focused, as their preloads report it. */
export interface TypingState {
  isTyping(contents: WebContents): boolean;
}

/** Listens for the preload's typing reports (from our windows' top frames only). */
export function listenForTyping(
  registry: WindowRegistry,
  log: (message: string, details?: unknown) => void,
): TypingState {
  const typing = new WeakSet<WebContents>();
  ipcMain.on(TYPING_CHANNEL, (event: IpcMainEvent, value: unknown) => {
    const refusal = senderRefusal(event, registry);
    if (refusal !== null) {
      log('ipc refused', { channel: TYPING_CHANNEL, refusal });
      return;
    }
    if (value === true) typing.add(event.sender);
    else typing.delete(event.sender);
  });
  return { isTyping: (contents) => typing.has(contents) };
}
