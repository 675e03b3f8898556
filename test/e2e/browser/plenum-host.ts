import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The repository root (this file is test/e2e/browser/plenum-host.ts). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** The short demo course file the browser tests open, and its password. */
export const DEMO_COURSE = join(REPO_ROOT, 'out', 'demo', 'hva-er-viktig-for-meg-short.plenum');
/** The demo course's password (public: the unlock screen shows it as a hint). */
export const DEMO_PASSWORD = 'rune-2020';

/** A running `plenum host`: the URL it printed (token included), its origin, and how to stop it. */
export interface PlenumHost {
  url: string;
  origin: string;
  /** The data directory (SQLite store) this host uses. */
  dataDir: string;
  stop(): Promise<void>;
  /** Kills the host with SIGKILL, as a laptop dying would; leaves the data directory for a new host. */
  kill(): Promise<void>;
}

/** Builds the short demo course file unless it exists (a no-op when it is up to date). */
export function ensureDemoCourse(): void {
  if (existsSync(DEMO_COURSE)) return;
  const built = spawnSync(process.execPath, ['bin/plenum.js', 'demo', '--variant', 'short', '--quiet'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 300_000,
  });
  if (built.status !== 0) throw new Error(`plenum demo failed with status ${built.status}`);
}

/**
 * Starts `plenum host` with a fresh data directory and reads the URL it prints as its first line of stdout.
 * Needs `npm run build` (the CLI and host) and the renderer build (out/renderer).
 */
export async function startPlenumHost(
  options: { course?: string; dataDir?: string } = {},
): Promise<PlenumHost> {
  // A data directory given by the caller is the caller's to remove (it outlives this host on purpose).
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'plenum-e2e-'));
  // The demo is pinned to the short one, whether or not the full demo has been built on this machine.
  const args = ['bin/plenum.js', 'host', '--demo', DEMO_COURSE, '--data-dir', dataDir];
  if (options.course) args.push('--course', options.course);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`plenum host printed no URL in 30 s\n${stderr}`)),
      30_000,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolveUrl(line.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`plenum host exited with ${code}\n${stderr}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    async kill() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
