import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian, Ubuntu and Fedora install Chromium. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/** The prefix of every profile folder openInChromium makes. */
const PROFILE_PREFIX = 'plenum-chromium-';

/** A profile without a SingletonLock older than this is left over: a running Chromium makes its lock at once. */
const LOCKLESS_STALE_MS = 10 * 60 * 1000;

/** How many bytes of Chromium's stderr are kept to explain an early exit. */
const STDERR_TAIL_BYTES = 4096;

/** The first Chromium found on this machine, or null. */
export function findChromium(exists: (path: string) => boolean = existsSync): string | null {
  return CHROMIUM_PATHS.find((path) => exists(path)) ?? null;
}

/**
 * Whether a window can be shown. On Linux and the other X11/Wayland systems a window needs DISPLAY or
 * WAYLAND_DISPLAY (an SSH session, a container, a CI runner have neither); macOS and Windows always have one.
 */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}

/**
 * Whether Chromium (or Electron, which is Chromium) must be told `--no-sandbox`: its setuid/namespace
 * sandbox refuses to start as root (crbug.com/638180), and dies at once without that flag. A normal user
 * keeps the sandbox. `uid` is undefined on Windows, which has no root.
 */
export function needsNoSandbox(uid: number | undefined): boolean {
  return uid === 0;
}

/** How to start one Chromium app window. */
export interface ChromiumAppOptions {
  url: string;
  profileDir: string;
  uid: number | undefined;
}

/**
 * Chromium's arguments for Plenum's app window: app mode (no tabs, no address bar), the given throwaway
 * profile, nothing that talks to the network on its own, sound without a click, and `--no-sandbox` only as root.
 */
export function chromiumArguments(options: ChromiumAppOptions): string[] {
  return [
    `--app=${options.url}`,
    `--user-data-dir=${options.profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    ...(needsNoSandbox(options.uid) ? ['--no-sandbox'] : []),
  ];
}

/**
 * How a Chromium window ended: closed (by the user, or by close()) or failed (an exit code or a signal);
 * `profileRemoved` is false only if its profile folder could not be deleted.
 */
export type ChromiumExit =
  | { kind: 'closed'; profileRemoved: boolean }
  | {
      kind: 'failed';
      code: number | null;
      signal: NodeJS.Signals | null;
      stderrTail: string;
      profileRemoved: boolean;
    };

/** A running Chromium window; its profile folder exists exactly as long as the window. */
export interface ChromiumApp {
  profileDir: string;
  /** Settles once Chromium has exited and its profile is deleted. */
  exited: Promise<ChromiumExit>;
  /** Ends Chromium (SIGTERM) and waits until its profile is deleted. */
  close(): Promise<ChromiumExit>;
}

/**
 * Opens `url` in a Chromium app window with a fresh profile: a folder made by mkdtemp (mode 0700) and
 * deleted when Chromium exits, however it exits, so the address with its token, cookies and cache never
 * outlive the window in a profile that other programs (or the next user) could read.
 */
export async function openInChromium(options: {
  chromium: string;
  url: string;
  uid: number | undefined;
  tmp?: string;
}): Promise<ChromiumApp> {
  const profileDir = await mkdtemp(join(options.tmp ?? tmpdir(), PROFILE_PREFIX));
  // mkdtemp already makes the folder 0700 on POSIX; say so explicitly rather than rely on it.
  await chmod(profileDir, 0o700);
  const child = spawn(
    options.chromium,
    chromiumArguments({ url: options.url, profileDir, uid: options.uid }),
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderrTail = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderrTail = (stderrTail + text).slice(-STDERR_TAIL_BYTES);
  });
  let closing = false;
  const exited = new Promise<ChromiumExit>((resolve) => {
    let finished = false;
    const finish = async (code: number | null, signal: NodeJS.Signals | null): Promise<void> => {
      if (finished) return;
      finished = true;
      // Chromium's helper processes may still be closing files for a moment: retry before giving up.
      const profileRemoved = await rm(profileDir, {
        recursive: true,
        force: true,
        maxRetries: 5,
        retryDelay: 100,
      })
        .then(() => true)
        .catch(() => false);
      resolve(
        closing || code === 0
          ? { kind: 'closed', profileRemoved }
          : { kind: 'failed', code, signal, stderrTail: stderrTail.trim(), profileRemoved },
      );
    };
    child.once('exit', (code, signal) => void finish(code, signal));
    // A binary that cannot be started at all emits 'error' (and no 'exit').
    child.once('error', (error) => {
      stderrTail = error.message;
      void finish(null, null);
    });
  });
  return {
    profileDir,
    exited,
    close: async () => {
      closing = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Deletes the profiles of earlier windows whose Chromium is gone although their folder stayed (the host was
 * killed with SIGKILL, or the machine lost power): folders named plenum-chromium-* in `tmp`, owned by this
 * user, whose SingletonLock (Chromium's "host-pid" symlink) names a process on this machine that no longer
 * runs, or that have no lock and are over ten minutes old. Another window's profile, in use, is left alone.
 * Best effort: a folder that cannot be deleted stays for the next run. Returns the folders deleted.
 */
export async function removeStaleProfiles(
  options: {
    tmp?: string;
    uid?: number | undefined;
    now?: number;
    isAlive?: (pid: number) => boolean;
  } = {},
): Promise<string[]> {
  const tmp = options.tmp ?? tmpdir();
  const uid = options.uid ?? process.getuid?.();
  const now = options.now ?? Date.now();
  const isAlive = options.isAlive ?? processIsAlive;
  const names = await readdir(tmp).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((entry) => entry.startsWith(PROFILE_PREFIX))) {
    const dir = join(tmp, name);
    const info = await lstat(dir).catch(() => null);
    if (info === null || !info.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    const lock = await readlink(join(dir, 'SingletonLock')).catch(() => null);
    const stale =
      lock === null ? now - info.mtimeMs > LOCKLESS_STALE_MS : lockIsStale(lock, hostname(), isAlive);
    if (!stale) continue;
    const gone = await rm(dir, { recursive: true, force: true }).then(
      () => true,
      () => false,
    );
    if (gone) removed.push(dir);
  }
  return removed;
}

/** Whether a SingletonLock ("host-pid") names a process on this host that has ended. */
function lockIsStale(lock: string, host: string, isAlive: (pid: number) => boolean): boolean {
  const dash = lock.lastIndexOf('-');
  const pid = Number(lock.slice(dash + 1));
  // Another machine's lock (a shared /tmp) cannot be checked from here: keep it.
  if (dash < 0 || lock.slice(0, dash) !== host || !Number.isInteger(pid) || pid <= 0) return false;
  return !isAlive(pid);
}

/** Whether a process runs: signal 0 checks without sending; EPERM means it runs as someone else. */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
