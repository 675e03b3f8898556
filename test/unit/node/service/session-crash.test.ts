import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openStore } from '../../../../src/node/store';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('plenum-session-crash-');

/** Runs session-writer-child.cjs until it has reported `count` saves, SIGKILLs it, returns the last revision. */
function runAndKill(
  path: string,
  count: number,
): Promise<{ revision: number; chapter: number; promptIndex: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'session-writer-child.cjs'), path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let saves = 0;
    let last = { revision: -1, chapter: -1, promptIndex: -1 };
    let pending = '';
    let stderr = '';
    const read = (line: string): void => {
      const match = /^saved (\d+) discussing (\d) (\d)$/.exec(line);
      if (match === null) return;
      saves += 1;
      last = { revision: Number(match[1]), chapter: Number(match[2]), promptIndex: Number(match[3]) };
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(read);
      if (saves >= count && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      read(pending);
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve(last);
    });
  });
}

describe('a session survives kill -9', () => {
  it('keeps every change the runner reported as saved: phase, chapter and prompt on screen', async () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const reported = await runAndKill(path, 150);
    expect(reported.revision).toBeGreaterThan(0);
    const store = openStore(path);
    try {
      const saved = store.findUnfinishedSession('crash', 'lecture');
      expect(saved).not.toBeNull();
      const lecture = saved!.snapshot.lecture;
      // Every command was saved before it returned: what was reported is there, and at most the few
      // commands of one more round (killed before it printed) came after it.
      expect(lecture.revision).toBeGreaterThanOrEqual(reported.revision);
      expect(lecture.revision).toBeLessThanOrEqual(reported.revision + 4);
      if (lecture.revision === reported.revision)
        expect(lecture.phase).toMatchObject({
          kind: 'discussing',
          chapter: reported.chapter,
          promptIndex: reported.promptIndex,
        });
      expect(saved!.record.endedAt).toBeNull();
    } finally {
      store.close();
    }
  });
});
