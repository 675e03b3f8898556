import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromiumArguments,
  findChromium,
  hasDisplay,
  needsNoSandbox,
  openInChromium,
  removeStaleProfiles,
} from '../../../src/cli/chromium-app';

let dir: string;
let profiles: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-chromium-test-'));
  profiles = join(dir, 'profiles');
  mkdirSync(profiles);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in for Chromium: a shell script that writes a History file with its arguments into the profile
 * it was given (as Chromium would), records the profile's mode, and then does what `body` says.
 */
function fakeChromium(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'for a in "$@"; do case "$a" in --user-data-dir=*) profile="${a#--user-data-dir=}";; esac; done',
      'mkdir -p "$profile/Default" && printf "%s\\n" "$@" > "$profile/Default/History"',
      `printf "%s\\n" "$@" > "${path}.args"`,
      `stat -c %a "$profile" > "${path}.mode"`,
      body,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}

describe('chromiumArguments', () => {
  const base = { url: 'http://127.0.0.1:4000/?token=abc', profileDir: '/tmp/p' };

  test('adds --no-sandbox for root only', () => {
    expect(chromiumArguments({ ...base, uid: 0 })).toContain('--no-sandbox');
    expect(chromiumArguments({ ...base, uid: 1000 })).not.toContain('--no-sandbox');
    expect(chromiumArguments({ ...base, uid: undefined })).not.toContain('--no-sandbox');
    expect(needsNoSandbox(0)).toBe(true);
    expect(needsNoSandbox(1)).toBe(false);
  });

  test('opens the address in app mode with the given profile', () => {
    const args = chromiumArguments({ ...base, uid: 1000 });
    expect(args).toContain(`--app=${base.url}`);
    expect(args).toContain('--user-data-dir=/tmp/p');
  });
});

test('hasDisplay needs DISPLAY or WAYLAND_DISPLAY on Linux, nothing on macOS and Windows', () => {
  expect(hasDisplay({}, 'linux')).toBe(false);
  expect(hasDisplay({ DISPLAY: '' }, 'linux')).toBe(false);
  expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
  expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'freebsd')).toBe(true);
  expect(hasDisplay({}, 'darwin')).toBe(true);
  expect(hasDisplay({}, 'win32')).toBe(true);
});

test('findChromium takes the first installed path, or none', () => {
  expect(findChromium((path) => path === '/usr/bin/chromium-browser')).toBe('/usr/bin/chromium-browser');
  expect(findChromium(() => false)).toBeNull();
});

test('a window closed by the user leaves no profile behind; the profile was private while it ran', async () => {
  const chromium = fakeChromium('closes', 'exit 0');
  const app = await openInChromium({
    chromium,
    url: 'http://127.0.0.1:1/?token=secret',
    uid: 1000,
    tmp: profiles,
  });
  const exit = await app.exited;
  expect(exit).toEqual({ kind: 'closed', profileRemoved: true });
  const args = readFileSync(`${chromium}.args`, 'utf8').split('\n');
  expect(args).toContain(`--user-data-dir=${app.profileDir}`);
  expect(args).toContain('--app=http://127.0.0.1:1/?token=secret');
  expect(args).not.toContain('--no-sandbox');
  expect(readFileSync(`${chromium}.mode`, 'utf8').trim()).toBe('700');
  expect(existsSync(app.profileDir)).toBe(false);
});

test('close() ends a running window and deletes its profile, history included', async () => {
  const chromium = fakeChromium('stays', 'exec sleep 30');
  const app = await openInChromium({ chromium, url: 'http://127.0.0.1:1/', uid: 0, tmp: profiles });
  // Wait until the stand-in has written its history, as a real window would while in use.
  for (let i = 0; i < 100 && !existsSync(join(app.profileDir, 'Default', 'History')); i++) {
    await new Promise((done) => setTimeout(done, 20));
  }
  expect(statSync(app.profileDir).mode & 0o777).toBe(0o700);
  expect(readFileSync(join(app.profileDir, 'Default', 'History'), 'utf8')).toContain('--no-sandbox');
  await expect(app.close()).resolves.toEqual({ kind: 'closed', profileRemoved: true });
  expect(existsSync(app.profileDir)).toBe(false);
});

test('a Chromium that dies at once is reported with its last words, and its profile is deleted', async () => {
  const chromium = fakeChromium(
    'dies',
    'echo "Running as root without --no-sandbox is not supported. See https://crbug.com/638180." >&2; exit 1',
  );
  const app = await openInChromium({ chromium, url: 'http://127.0.0.1:1/', uid: 1000, tmp: profiles });
  const exit = await app.exited;
  expect(exit).toMatchObject({ kind: 'failed', code: 1, profileRemoved: true });
  expect(exit.kind === 'failed' && exit.stderrTail).toContain('without --no-sandbox');
  expect(existsSync(app.profileDir)).toBe(false);
});

test('a Chromium that cannot be started is a failure, and leaves no profile', async () => {
  const app = await openInChromium({
    chromium: join(dir, 'no-such-chromium'),
    url: 'http://127.0.0.1:1/',
    uid: 1000,
    tmp: profiles,
  });
  await expect(app.exited).resolves.toMatchObject({ kind: 'failed', profileRemoved: true });
  expect(existsSync(app.profileDir)).toBe(false);
});

describe('removeStaleProfiles', () => {
  /** A profile folder as Chromium leaves it: a History file, and a SingletonLock "host-pid" when given. */
  function leftProfile(parent: string, name: string, lock?: string): string {
    const path = join(parent, `plenum-chromium-${name}`);
    mkdirSync(join(path, 'Default'), { recursive: true, mode: 0o700 });
    writeFileSync(join(path, 'Default', 'History'), 'http://127.0.0.1:1/?token=secret');
    if (lock !== undefined) symlinkSync(lock, join(path, 'SingletonLock'));
    return path;
  }

  test("deletes profiles whose Chromium has ended, and keeps those in use or another machine's", async () => {
    const parent = mkdtempSync(join(dir, 'stale-'));
    // A pid that surely ran and ended: a child that has exited and been reaped.
    const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const dead = leftProfile(parent, 'dead', `${hostname()}-${deadPid}`);
    const running = leftProfile(parent, 'running', `${hostname()}-${process.pid}`);
    const elsewhere = leftProfile(parent, 'elsewhere', `another-host-${deadPid}`);
    const oldUnlocked = leftProfile(parent, 'old');
    const eleven = (Date.now() - 11 * 60 * 1000) / 1000;
    utimesSync(oldUnlocked, eleven, eleven);
    const newUnlocked = leftProfile(parent, 'new');
    const notOurs = join(parent, 'something-else');
    mkdirSync(notOurs);

    const removed = await removeStaleProfiles({ tmp: parent });
    expect(removed.sort()).toEqual([dead, oldUnlocked].sort());
    for (const kept of [running, elsewhere, newUnlocked, notOurs]) expect(existsSync(kept)).toBe(true);
    expect(existsSync(dead) || existsSync(oldUnlocked)).toBe(false);
  });

  test("leaves another user's profiles alone", async () => {
    const parent = mkdtempSync(join(dir, 'owner-'));
    const dead = leftProfile(parent, 'dead', `${hostname()}-999999999`);
    const myUid = statSync(dead).uid;
    expect(await removeStaleProfiles({ tmp: parent, uid: myUid + 1 })).toEqual([]);
    expect(existsSync(dead)).toBe(true);
    expect(await removeStaleProfiles({ tmp: parent, uid: myUid, isAlive: () => false })).toEqual([dead]);
  });
});
