import type { ApiEventName, ApiEvents } from '../../common/ipc/contract';

/** A listener for every service event (main forwards them to windows, the host to its event streams). */
export type ServiceEventListener = <E extends ApiEventName>(name: E, payload: ApiEvents[E]) => void;

/** A tiny typed event hub: no Node EventEmitter, so nothing is emitted to a listener that has gone. */
export class ServiceEvents {
  private readonly listeners = new Set<ServiceEventListener>();

  /** Subscribes to every event; returns the unsubscribe function. */
  on(listener: ServiceEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends an event to every listener; a listener that throws does not stop the others. */
  emit<E extends ApiEventName>(name: E, payload: ApiEvents[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload);
      } catch (error) {
        console.error(`plenum: an event listener for ${name} failed`, error);
      }
    }
  }
}
