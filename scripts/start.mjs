// `npm start`: builds Plenum and opens the demo course. Until the app's window exists (the main-side and
// lecture-mode issues), it builds the full-length demo course file and verifies it with its password.
import { spawnSync } from 'node:child_process';
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
const file = 'out/demo/hva-er-viktig-for-meg-full.plenum';
run(process.execPath, ['bin/plenum.js', 'inspect', file]);
const verify = spawnSync(process.execPath, ['bin/plenum.js', 'verify', file, '--password-stdin', '--quiet'], {
  cwd: root,
  input: 'rune-2020\n',
  stdio: ['pipe', 'inherit', 'inherit'],
});
process.exit(verify.status ?? 1);
