import { API_EVENTS } from '../../src/common/ipc/contract';
import type { ApiEventName } from '../../src/common/ipc/contract';
import type { WindowRegistry } from '../windows/window-registry';

/** Whether a name is one of the contract's events. */
export function isApiEventName(name: string): name is ApiEventName {
  return (API_EVENTS as readonly string[]).includes(name);
}

/**
 * Sends a backend event to every live window. Names outside the contract are dropped (the preload would
 * not deliver them anyway), so nothing uncontracted reaches a renderer. Returns whether it was sent.
 */
export function broadcastEvent(registry: WindowRegistry, name: string, payload: unknown): boolean {
  if (!isApiEventName(name)) return false;
  for (const contents of registry.all()) contents.send(name, payload);
  return true;
}
