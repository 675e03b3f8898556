import type { StoreProblem } from '../../common/ipc/api-error';

export type { StoreProblem } from '../../common/ipc/api-error';

/** The one error type of the store: `problem` says what, in a form that crosses IPC safely. */
export class StoreError extends Error {
  readonly problem: StoreProblem;

  constructor(problem: StoreProblem, options?: { cause?: unknown }) {
    super(`store: ${describeProblemForLogs(problem)}`, options);
    this.name = 'StoreError';
    this.problem = problem;
  }
}

/** True when `value` is a StoreError with a problem of the given kind (for tests and catch blocks). */
export function isStoreError(value: unknown, kind?: StoreProblem['kind']): value is StoreError {
  return value instanceof StoreError && (kind === undefined || value.problem.kind === kind);
}

/**
 * The StoreProblem an SQLite or file-system error stands for, or null when it is none of them (a bug, which
 * callers rethrow as it is so the stack trace survives). Extended codes (SQLITE_BUSY_SNAPSHOT,
 * SQLITE_READONLY_DBMOVED, ...) count as their primary code.
 */
export function storeProblemOf(error: unknown, path: string): StoreProblem | null {
  // Duck-typed, not instanceof Error: better-sqlite3's native addon builds its errors in the realm that first
  // loaded it, which is not always ours (Jest gives each test file its own).
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') {
    return null;
  }
  const code = error.code;
  const is = (primary: string): boolean => code === primary || code.startsWith(`${primary}_`);
  // SQLITE_BUSY reaches us only after busy_timeout ran out; SQLITE_LOCKED is the same thing within a process.
  if (is('SQLITE_BUSY') || is('SQLITE_LOCKED')) return { kind: 'locked', path };
  if (is('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') return { kind: 'disk-full', path };
  // CANTOPEN: openStore creates the folder first, so what is left is a folder or file we may not write.
  if (
    is('SQLITE_READONLY') ||
    is('SQLITE_CANTOPEN') ||
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM'
  ) {
    return { kind: 'read-only', path };
  }
  if (is('SQLITE_CORRUPT') || is('SQLITE_NOTADB')) return { kind: 'corrupt', path };
  if (code === 'EISDIR' || code === 'ENOTDIR') return { kind: 'not-a-file', path };
  return null;
}

/** Runs `action`, turning the failures a user can act on into a StoreError; anything else passes unchanged. */
export function guardStore<T>(path: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const problem = storeProblemOf(error, path);
    throw problem === null ? error : new StoreError(problem, { cause: error });
  }
}

/** A terse English description for logs and stack traces only; people see the localised message. */
function describeProblemForLogs(problem: StoreProblem): string {
  switch (problem.kind) {
    case 'newer-version':
      return `made by a newer version (schema ${problem.version}, this build knows ${problem.supported})`;
    case 'corrupt':
    case 'locked':
    case 'disk-full':
    case 'read-only':
    case 'not-a-file':
      return `${problem.kind} ${problem.path}`;
  }
}
