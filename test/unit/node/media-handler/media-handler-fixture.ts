import { randomBytes } from 'node:crypto';
import type { UnlockedCourseFile } from '../../../../src/node/course-file';
import {
  createMediaHandler,
  routeMediaPath,
  type MediaHandler,
  type ServableCourseFile,
} from '../../../../src/node/media-handler';

/** A fresh handle, as the app would mint one per unlock. */
export function newHandle(): string {
  return randomBytes(16).toString('hex');
}

/** A handler on the plenum scheme serving `file` under `handle` and nothing else. */
export function serveOne(file: ServableCourseFile, handle: string): MediaHandler {
  return createMediaHandler({
    resolve: (asked) => (asked === handle ? file : undefined),
    route: routeMediaPath,
  });
}

/** `plenum://app/media/<handle>/<entry>`: media on the UI's own origin, as Electron asks for it. */
export function schemeUrl(handle: string, entry: string): string {
  return `plenum://app/media/${handle}/${entry}`;
}

/** The whole body of a response. */
export async function bodyOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

/** A response's headers as a plain object (names lowercased), for exact comparison. */
export function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.entries());
}

/** How often the handler stepped the reader's iterators, and how many of them it let go of. */
export interface ReadCounts {
  reads: number;
  nexts: number;
  released: number;
}

/**
 * Wraps an unlocked file so a test can see every `read`, every step of its iterators (each step decrypts a
 * chunk) and every iterator finished or returned early.
 */
export function countingFile(file: UnlockedCourseFile): { file: ServableCourseFile; counts: ReadCounts } {
  const counts: ReadCounts = { reads: 0, nexts: 0, released: 0 };
  async function* counted(inner: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        counts.nexts += 1;
        const step = await inner.next();
        if (step.done) return;
        yield step.value;
      }
    } finally {
      counts.released += 1;
      await inner.return(undefined);
    }
  }
  const wrapped: ServableCourseFile = {
    has: (name) => file.has(name),
    entry: (name) => file.entry(name),
    read: (name, range) => {
      counts.reads += 1;
      return counted(file.read(name, range));
    },
  };
  return { file: wrapped, counts };
}
