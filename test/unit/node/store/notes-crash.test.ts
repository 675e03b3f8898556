import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../../../src/node/store';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('plenum-crash-');
const KILL_AFTER = 300;

/** Runs note-writer-child.cjs until it has reported `count` commits, SIGKILLs it, and returns the last one. */
function runAndKill(path: string, count: number): Promise<{ lastCommitted: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'note-writer-child.cjs'), path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastCommitted = -1;
    let pending = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (match) lastCommitted = Number(match[1]);
      }
      if (lastCommitted >= count - 1 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      // Lines still in the pipe when the child died were committed too: read them before deciding.
      const match = /^committed (\d+)$/.exec(pending);
      if (match) lastCommitted = Math.max(lastCommitted, Number(match[1]));
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve({ lastCommitted, signal });
    });
  });
}

describe('notes survive a crash', () => {
  it('keeps every note a SIGKILLed writer reported as committed', async () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const { lastCommitted } = await runAndKill(path, KILL_AFTER);
    expect(lastCommitted).toBeGreaterThanOrEqual(KILL_AFTER - 1);
    // The child died with its WAL open: recovery happens when we open the store.
    expect(existsSync(`${path}-wal`)).toBe(true);

    const store = openStore(path);
    try {
      const notes = store.listNotes('crash');
      const byChapter = new Map(notes.map((note) => [`${note.chapterId ?? ''}/${note.scope}`, note.text]));
      for (let i = 0; i <= lastCommitted; i++) {
        expect(byChapter.get(`ch-${i}/${i % 2 === 0 ? 'private' : 'class'}`)).toBe(`note ${i}`);
      }
      // The course-wide note was overwritten on every round: it holds the last reported round or a later one
      // that committed before the kill landed.
      const latest = /^latest (\d+)$/.exec(byChapter.get('/private') ?? '');
      expect(Number(latest?.[1])).toBeGreaterThanOrEqual(lastCommitted);
    } finally {
      store.close();
    }
  });
});
