// Runs Doyensec's Electronegativity over the compiled app (out/: main, src, renderer) and fails on any finding
// not explained in docs/security.md's "Electronegativity findings" table (check id + file pattern + reason).
// Its CLI cannot start in this tree (it needs a hoisted commander 2 it does not declare), so this uses the
// package's documented programmatic entry. It tries to fetch translations and Electron's release list; both
// fail at once offline and it carries on with built-in defaults (the version is given explicitly).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require(join(root, 'node_modules', 'electron', 'package.json')).version;
const mod = require('@doyensec/electronegativity');
const run = typeof mod === 'function' ? mod : mod.default;

if (!existsSync(join(root, 'out', 'main'))) {
  console.error('electronegativity: out/main is missing; run npm run build first.');
  process.exit(2);
}

const doc = readFileSync(join(root, 'docs', 'security.md'), 'utf8');
const section = doc.split('## Electronegativity findings')[1] ?? '';
const explained = [...section.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*`([^`]+)`\s*\|/gm)].map(([, id, file]) => ({
  id,
  file,
}));
const matches = (pattern, file) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(file);

const silence = console.log;
console.log = () => undefined; // its progress chatter; findings are printed below
const result = await run({
  input: join(root, 'out'),
  isSarif: false,
  customScan: [],
  excludeFromScan: [],
  isRelative: true,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
}).finally(() => {
  console.log = silence;
});

const unexplained = result.issues.filter(
  (issue) => !explained.some((row) => row.id === issue.id && matches(row.file, issue.file)),
);
console.log(
  `electronegativity: ${result.globalChecks} global and ${result.atomicChecks} atomic checks on Electron ${electronVersion}; ` +
    `${result.issues.length} finding(s), ${result.issues.length - unexplained.length} explained in docs/security.md, ` +
    `${result.errors.length} file(s) it could not parse.`,
);
for (const issue of unexplained) {
  console.log(`  UNEXPLAINED ${issue.id} ${issue.file}:${issue.location.line} ${issue.description}`);
}
for (const error of result.errors) console.log(`  could not parse ${error.file ?? JSON.stringify(error)}`);
process.exit(unexplained.length > 0 || result.errors.length > 0 ? 1 : 0);
