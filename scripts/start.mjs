// `npm start`: installs and builds what is missing, makes the demo course, and opens Plenum on it:
// in Electron when its binary can run and there is a display; otherwise through the loopback host
// (`plenum host --open`), which always prints its address, opens a Chromium app window when it can, and
// keeps serving until Ctrl-C, also after that window is closed (see README, "npm start").
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, ['scripts/ensure-deps.mjs']);
run('npm', ['run', '--silent', 'build']);
run(process.execPath, ['bin/plenum.js', 'demo', '--variant', 'full']);

// Only now built: the display and sandbox rules have one home, shared with `plenum host --open`, and the
// messages follow PLENUM_LANG/LANG like the CLI's.
const { hasDisplay, needsNoSandbox } = await import('../out/src/cli/chromium-app.js');
const { createTranslator } = await import('../out/src/common/i18n/translator.js');
const { pickLanguage } = await import('../out/src/common/i18n/languages.js');
const t = createTranslator(pickLanguage(process.env.PLENUM_LANG ?? process.env.LC_ALL ?? process.env.LANG));

// Electron's binary is fetched lazily on first launch; path.txt exists only once it is there.
const electronDir = join(root, 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const electronBinary = existsSync(pathFile)
  ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  : null;
const useElectron =
  electronBinary !== null && existsSync(electronBinary) && hasDisplay(process.env, process.platform);

// Electron is Chromium: as root its sandbox refuses to start and the app would die at once, so root (and
// only root) gets --no-sandbox, and is told why. The host does the same for its Chromium window.
const asRoot = needsNoSandbox(process.getuid?.());
if (useElectron && asRoot) console.log(t('cli:start.electronNoSandbox'));
// Without a display the host says so itself; a missing binary is only known here.
if (electronBinary === null || !existsSync(electronBinary)) console.log(t('cli:start.noElectron'));
// Its own process group (not on Windows, where that means a new console): Ctrl-C then reaches only this
// script, which passes one SIGTERM on, so the host gets one stop request and has the time to close its
// Chromium window and delete the window's profile. npm forwards the terminal's SIGINT a second time.
const options = { cwd: root, stdio: 'inherit', detached: process.platform !== 'win32' };
const child = useElectron
  ? spawn(electronBinary, [root, ...(asRoot ? ['--no-sandbox'] : [])], options)
  : spawn(process.execPath, ['bin/plenum.js', 'host', '--open'], options);

// Signals arriving together (the terminal's and npm's copy of one Ctrl-C) count once; one a second later
// is passed on again, and the host's second stop request ends it at once.
let lastForward = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (Date.now() - lastForward < 1000) return;
    lastForward = Date.now();
    child.kill('SIGTERM');
  });
}
child.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
