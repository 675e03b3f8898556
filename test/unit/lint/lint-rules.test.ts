import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

/** A snippet linted as if it were the file at `path` (which must exist, so the project service knows it). */
interface Probe {
  path: string;
  code: string;
}

/**
 * Lints every probe with the project's own eslint.config.mjs through ESLint's API, in a child process (ESLint
 * loads its config with a dynamic import, which Jest's module system does not run), and returns the rule ids
 * each one broke.
 */
function ruleIdsFor(probes: readonly Probe[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const found = [];
      for (const probe of probes) {
        const [result] = await eslint.lintText(probe.code, { filePath: probe.path });
        found.push(result.messages.map((message) => message.ruleId ?? 'fatal: ' + message.message));
      }
      process.stdout.write(JSON.stringify(found));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(out) as string[][];
}

const RAW_IPC = "import { ipcMain } from 'electron';\nexport const raw = ipcMain;\n";
const RAW_IPC_RENDERER = "import { ipcRenderer } from 'electron';\nexport const raw = ipcRenderer;\n";
const FLOATING = 'async function later(): Promise<void> {}\nlater();\nexport { later };\n';
const DEFAULT_FOR_UNION = `export function name(kind: 'a' | 'b'): string {
  switch (kind) {
    case 'a':
      return 'A';
    default:
      return 'other';
  }
}
`;
const HOOK_IN_CONDITION = `import { useState } from 'react';
export function Thing({ on }: { on: boolean }): number {
  if (on) {
    const [value] = useState(1);
    return value;
  }
  return 0;
}
`;
const IMAGE_WITHOUT_ALT = 'export function Picture(): JSX.Element {\n  return <img src="a.png" />;\n}\n';

describe('the lint rules that keep the architecture', () => {
  // One child process for every probe: type-aware linting has a start-up cost worth paying once.
  let found: string[][];
  beforeAll(() => {
    found = ruleIdsFor([
      { path: 'main/main.ts', code: RAW_IPC },
      { path: 'main/ipc/register-api.ts', code: RAW_IPC },
      { path: 'main/preload.ts', code: RAW_IPC_RENDERER },
      { path: 'renderer/src/main.tsx', code: RAW_IPC_RENDERER },
      { path: 'src/common/assert-never.ts', code: FLOATING },
      { path: 'src/common/assert-never.ts', code: DEFAULT_FOR_UNION },
      { path: 'renderer/src/main.tsx', code: HOOK_IN_CONDITION },
      { path: 'renderer/src/main.tsx', code: IMAGE_WITHOUT_ALT },
      // In no tsconfig: linted in the project service's default project.
      { path: 'renderer/vite.config.mts', code: FLOATING },
    ]);
  }, 180_000);

  it('refuses raw ipcMain/ipcRenderer outside main/ipc and the preload, and allows them there', () => {
    expect(found[0]).toContain('no-restricted-imports');
    expect(found[1]).not.toContain('no-restricted-imports');
    expect(found[2]).not.toContain('no-restricted-imports');
    expect(found[3]).toContain('no-restricted-imports');
  });

  it('refuses a floating promise and a union switch whose default hides a member', () => {
    expect(found[4]).toContain('@typescript-eslint/no-floating-promises');
    expect(found[5]).toContain('@typescript-eslint/switch-exhaustiveness-check');
  });

  it('checks the renderer with the React hooks rules and the accessibility rules', () => {
    expect(found[6]).toContain('react-hooks/rules-of-hooks');
    expect(found[7]).toContain('jsx-a11y/alt-text');
  });

  it('type-checks the Vite configs too, though no tsconfig includes them', () => {
    expect(found[8]).toContain('@typescript-eslint/no-floating-promises');
  });

  it('parses every probe (each file belongs to a project)', () => {
    expect(found.flat().filter((rule) => rule.startsWith('fatal'))).toEqual([]);
  });
});
