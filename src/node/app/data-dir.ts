import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the local store lives when Electron's userData path is not available (the loopback host, the CLI):
 * PLENUM_DATA_DIR, else $XDG_DATA_HOME/plenum, else ~/.local/share/plenum.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PLENUM_DATA_DIR) return env.PLENUM_DATA_DIR;
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'plenum');
}
