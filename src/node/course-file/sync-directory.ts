import { open } from 'node:fs/promises';

const CANNOT_SYNC_DIRECTORIES = new Set([
  'EINVAL',
  'EPERM',
  'EISDIR',
  'ENOTSUP',
  'EOPNOTSUPP',
  'ENOSYS',
  'EBADF',
]);

/**
 * Flushes a directory after a rename so the new name survives a power cut. Where a directory cannot be opened
 * (Windows) there is nothing to flush; where it can, a failing fsync is reported, not swallowed.
 */
export async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r').catch(() => null);
  if (!dir) return;
  try {
    await dir.sync().catch((error: NodeJS.ErrnoException) => {
      // Some file systems (network shares, FUSE) and Windows cannot fsync a directory at all; that is not a
      // failed write, only one this platform cannot make durable.
      if (!CANNOT_SYNC_DIRECTORIES.has(error.code ?? '')) throw error;
    });
  } finally {
    await dir.close();
  }
}
