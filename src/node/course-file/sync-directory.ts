import { open } from 'node:fs/promises';

/**
 * Flushes a directory after a rename so the new name survives a power cut. Where a directory cannot be opened
 * (Windows) there is nothing to flush; where it can, a failing fsync is reported, not swallowed.
 */
export async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r').catch(() => null);
  if (!dir) return;
  try {
    await dir.sync().catch((error: NodeJS.ErrnoException) => {
      // Some file systems (and Windows) cannot fsync a directory at all; that is not a failed write.
      if (error.code !== 'EINVAL' && error.code !== 'EPERM' && error.code !== 'EISDIR') throw error;
    });
  } finally {
    await dir.close();
  }
}
