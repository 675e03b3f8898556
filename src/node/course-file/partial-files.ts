import { randomBytes } from 'node:crypto';
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files beside a target, renamed into place when complete: `.<name>.<pid>-<random>.partial`. The
 * process id in the name tells a partial of a live write from one left by a killed process (kill -9, a power
 * cut), which the next write of the same target removes. A partial never holds plaintext: everything in it is
 * encrypted chunk by chunk before it is written, and the header is written last.
 */
export function partialPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.partial`,
  );
}

/** Whether a process with that id is running (EPERM: it is, as another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the partials of `target` whose writer is gone: named by a process that no longer runs, or in the
 * older name without a process id. Partials of other targets, and of live writers (this process included),
 * are left alone. Best effort: a directory that cannot be listed removes nothing. Returns how many went.
 */
export async function removeStalePartials(target: string): Promise<number> {
  const name = basename(target);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  let removed = 0;
  for (const candidate of names) {
    if (!candidate.startsWith(`.${name}.`) || !candidate.endsWith('.partial')) continue;
    const middle = candidate.slice(name.length + 2, -'.partial'.length);
    const match = /^(?:(\d+)-)?[0-9a-f]{12}$/.exec(middle);
    if (!match) continue;
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    if (pid !== undefined && (pid === process.pid || isProcessAlive(pid))) continue;
    if (
      await unlink(join(dirname(target), candidate)).then(
        () => true,
        () => false,
      )
    )
      removed += 1;
  }
  return removed;
}
