import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** Why a referenced file cannot be used; each is an issue code of the same name. */
export type CourseFileProblem =
  'path-absolute' | 'path-outside' | 'file-missing' | 'not-a-file' | 'file-unreadable' | 'file-changed';

/** A file referenced from a course, resolved inside the course folder, or the reason it cannot be. */
export type CourseFileResult =
  { ok: true; entry: string; path: string } | { ok: false; problem: CourseFileProblem; reason: string };

/**
 * Turns a reference written in a course (e.g. 'subs/nb.vtt') into its entry name (relative, '/'-separated,
 * normalised) and its real path, refusing absolute paths, `..` escapes and symlinks that lead out of the
 * folder. `root` must already be a real path. Only reads the file system.
 */
export async function resolveCourseFile(root: string, reference: string): Promise<CourseFileResult> {
  // Backslashes are separators, so a folder written on Windows packs the same everywhere.
  const slashed = reference.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || path.isAbsolute(reference)) {
    return { ok: false, problem: 'path-absolute', reason: '' };
  }
  const entry = path.posix.normalize(slashed);
  if (entry === '..' || entry.startsWith('../')) {
    return { ok: false, problem: 'path-outside', reason: '' };
  }
  if (entry === '.' || entry.endsWith('/') || entry.includes('\0')) {
    return { ok: false, problem: 'not-a-file', reason: '' };
  }
  let real: string;
  try {
    real = await realpath(path.join(root, ...entry.split('/')));
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { ok: false, problem: 'file-missing', reason: code }
      : { ok: false, problem: 'file-unreadable', reason: code };
  }
  if (!isInside(root, real)) {
    return { ok: false, problem: 'path-outside', reason: '' };
  }
  try {
    if (!(await stat(real)).isFile()) {
      return { ok: false, problem: 'not-a-file', reason: '' };
    }
  } catch (error) {
    return { ok: false, problem: 'file-unreadable', reason: errorCode(error) };
  }
  return { ok: true, entry, path: real };
}

/** Whether `candidate` is `root` itself or below it (both real paths). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

/** The Node error code (ENOENT, EACCES, …) of a file-system failure, as a short machine-readable reason. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
