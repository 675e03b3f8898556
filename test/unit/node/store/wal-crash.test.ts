import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../../../src/node/store';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('plenum-wal-crash-');

/** A wal-child.cjs process and the lines it printed so far. */
interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  /** Resolves with the first printed line (earlier ones included) that matches. */
  waitFor(pattern: RegExp): Promise<string>;
  /** SIGKILLs the child and resolves once it is gone. */
  kill(): Promise<void>;
}

function startChild(path: string, idleMs: number): Child {
  const child = spawn(process.execPath, [join(__dirname, 'wal-child.cjs'), path, String(idleMs)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let pending = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const closed = new Promise<string | null>((resolve) =>
    child.on('close', (_code, signal) => resolve(signal)),
  );
  return {
    process: child,
    lines,
    waitFor: (pattern) => {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        // Bounded, so a keeper that never reports fails the test (and the finally kills the child).
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within 15 s: ${stderr}`)), 15_000);
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void closed.then(() => reject(new Error(`child ended before printing ${pattern}: ${stderr}`)));
      });
    },
    kill: async () => {
      child.kill('SIGKILL');
      expect(await closed).toBe('SIGKILL');
    },
  };
}

/** Every note text in the store at `path`, by chapter, after the crash (opening it recovers). */
function notesAfterCrash(path: string): Map<string, string> {
  const store = openStore(path);
  try {
    return new Map(store.listNotes('wal').map((note) => [note.chapterId ?? '', note.text]));
  } finally {
    store.close();
  }
}

function expectNotes(notes: Map<string, string>, count: number): void {
  expect(notes.size).toBe(count);
  for (let i = 0; i < count; i++) expect(notes.get(`ch-${i}`)).toBe(`note ${i}`);
}

describe('committed notes survive a deleted -wal and a kill -9', () => {
  it('checkpoints after a burst of notes, so deleting the -wal afterwards loses none of them', async () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const child = startChild(path, 200);
    try {
      await child.waitFor(/^ready$/);
      child.process.stdin.write('write 0 10\n');
      await child.waitFor(/^committed 9$/);
      // Deleted at once, usually before the idle checkpoint: the keeper finds it gone and saves from the open
      // file; if the checkpoint came first, the notes were in the database file already. Either way one event.
      rmSync(`${path}-wal`);
      await child.waitFor(/^event (checkpointed|wal-vanished true)$/);
    } finally {
      await child.kill();
    }
    expectNotes(notesAfterCrash(path), 10);
  }, 30_000);

  it('notices the -wal vanished on the next write and saves every note before that write returns', async () => {
    const path = join(tempDir(), 'plenum.sqlite');
    // An idle time far beyond the test: only the check after each write can save the notes.
    const child = startChild(path, 600_000);
    try {
      await child.waitFor(/^ready$/);
      child.process.stdin.write('write 0 10\n');
      await child.waitFor(/^committed 9$/);
      rmSync(`${path}-wal`);
      child.process.stdin.write('write 10 10\n');
      await child.waitFor(/^committed 19$/);
    } finally {
      await child.kill();
    }
    expect(child.lines).toContain('event wal-vanished true');
    expect(child.lines).not.toContain('event checkpointed');
    expectNotes(notesAfterCrash(path), 20);
  }, 30_000);

  it('keeps working after recovering: a second deletion is noticed too', async () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const child = startChild(path, 600_000);
    try {
      await child.waitFor(/^ready$/);
      for (const round of [0, 1]) {
        child.process.stdin.write(`write ${round * 10} 10\n`);
        await child.waitFor(new RegExp(`^committed ${round * 10 + 9}$`));
        rmSync(`${path}-wal`);
      }
      child.process.stdin.write('write 20 5\n');
      await child.waitFor(/^committed 24$/);
    } finally {
      await child.kill();
    }
    expect(child.lines.filter((line) => line === 'event wal-vanished true')).toHaveLength(2);
    expectNotes(notesAfterCrash(path), 25);
  }, 30_000);
});
