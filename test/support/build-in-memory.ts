import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** One file a Vite build would write: its name and, for code, the code. */
export interface BuiltFile {
  fileName: string;
  code: string | null;
}

const ROOT = join(__dirname, '../..');

/**
 * Runs a Vite build exactly as `npm run build` does, from the given config (relative to the repository root),
 * but in memory (`write: false`), and returns what it would write. In a child process: Vite is an ES module,
 * and Jest runs CommonJS.
 */
export function buildInMemory(configFile: string): BuiltFile[] {
  const script = `
    import { build } from 'vite';
    const result = await build({
      configFile: ${JSON.stringify(join(ROOT, configFile))},
      logLevel: 'silent',
      build: { write: false },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
    process.stdout.write(JSON.stringify(outputs.map((o) => ({
      fileName: o.fileName,
      code: o.type === 'chunk' ? o.code : null,
    }))));
  `;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as BuiltFile[];
}
