import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Electron executable, or null when it is not installed. Reads what node_modules/electron/index.js
 * reads, without requiring it: that module starts a download when the binary is missing, and this
 * workplace cannot download it.
 */
export function electronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const executable = override ? join(override, relative || 'electron') : join(packageDir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

/** Whether Electron can be launched on this machine. */
export function hasElectronBinary(): boolean {
  return electronBinary() !== null;
}
