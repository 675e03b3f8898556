import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../src/common/ipc/api-error';
import { API_CHANNELS } from '../../src/common/ipc/contract';
import type { WindowRegistry } from '../windows/window-registry';
import { senderRefusal } from './sender-refusal';

/** How main answers one call: the backend validates the arguments and never throws (but is guarded anyway). */
export type Dispatch = (channel: string, args: unknown) => Promise<ApiResult<unknown>>;

/** What registerApi needs. */
export interface RegisterApiOptions {
  registry: WindowRegistry;
  dispatch: Dispatch;
  log: (message: string, details?: unknown) => void;
}

const FORBIDDEN: ApiResult<never> = { ok: false, error: { code: 'forbidden' } };
const INTERNAL: ApiResult<never> = { ok: false, error: { code: 'internal' } };

/**
 * The one place IPC handlers are registered: one `ipcMain.handle` per contract channel. Each checks the
 * sender (our window, its top frame, our UI origin) before the backend sees the call, and only the first
 * argument is passed on. Returns a function that removes the handlers again.
 */
export function registerApi(options: RegisterApiOptions): () => void {
  for (const channel of API_CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, args: unknown) => {
      const refusal = senderRefusal(event, options.registry);
      if (refusal !== null) {
        options.log('ipc refused', { channel, refusal });
        return FORBIDDEN;
      }
      try {
        return await options.dispatch(channel, args);
      } catch (error) {
        // Never an exception across the boundary: the renderer gets a typed error, the log gets the cause.
        options.log('ipc dispatch threw', { channel, error });
        return INTERNAL;
      }
    });
  }
  return () => {
    for (const channel of API_CHANNELS) ipcMain.removeHandler(channel);
  };
}
