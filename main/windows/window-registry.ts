import type { WebContents } from 'electron';

/** The webContents of the windows main created: the only ones IPC is answered for and events are sent to. */
export interface WindowRegistry {
  add(contents: WebContents): void;
  has(contents: WebContents): boolean;
  /** The live ones, in the order they were added. */
  all(): WebContents[];
}

/** A registry that forgets a webContents when it is destroyed. */
export function createWindowRegistry(): WindowRegistry {
  const members = new Set<WebContents>();
  return {
    add(contents) {
      members.add(contents);
      contents.once('destroyed', () => members.delete(contents));
    },
    has: (contents) => members.has(contents),
    all: () => [...members].filter((contents) => !contents.isDestroyed()),
  };
}
