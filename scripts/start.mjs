// `npm start`: installs and builds what is missing, makes the demo course, and opens Plenum on it.
// In Electron when its binary can run; otherwise (as on machines that cannot download it) through the
// loopback host, in Chromium's app mode when Chromium is installed, else by printing the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, ['scripts/ensure-deps.mjs']);
run('npm', ['run', '--silent', 'build']);
run(process.execPath, ['bin/plenum.js', 'demo', '--variant', 'full']);

// Electron's binary is fetched lazily on first launch; path.txt exists only once it is there.
const electronDir = join(root, 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const electronBinary = existsSync(pathFile)
  ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  : null;
if (electronBinary && existsSync(electronBinary)) {
  const app = spawn(electronBinary, [root], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron's binary is not available on this machine, so Plenum opens in a browser through its local host.",
  );
  const host = spawn(process.execPath, ['bin/plenum.js', 'host'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: host.stdout });
  lines.once('line', (url) => {
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
    if (chromium) {
      const profile = mkdtempSync(join(tmpdir(), 'plenum-chromium-'));
      const browser = spawn(
        chromium,
        [
          `--app=${url}`,
          `--user-data-dir=${profile}`,
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--autoplay-policy=no-user-gesture-required',
        ],
        { stdio: 'ignore' },
      );
      browser.on('exit', () => host.kill('SIGINT'));
      console.log('Plenum is open in Chromium. Close the window (or press Ctrl-C here) to stop.');
    } else {
      console.log(`Open this address in a browser on this machine: ${url}`);
    }
  });
  host.on('exit', (code) => process.exit(code ?? 0));
  process.on('SIGINT', () => host.kill('SIGINT'));
}
