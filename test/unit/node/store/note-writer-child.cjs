/**
 * Child process for notes-crash.test.ts: saves notes through the real Store as fast as it can and prints
 * "committed <i>" after each saveNote returns, until the parent kills it with SIGKILL.
 *
 * Jest's transform does not reach child processes and Node 20 cannot run TypeScript, so this plain script
 * installs a minimal require hook that compiles src/*.ts with @swc/core (already a dev dependency, the same
 * compiler @swc/jest uses). That way the child exercises the real openStore/saveNote, not a copy of its SQL.
 */
'use strict';
const { readFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const { openStore } = require(join(__dirname, '../../../../src/node/store'));

const store = openStore(process.argv[2]);
for (let i = 0; ; i++) {
  store.saveNote({
    courseId: 'crash',
    chapterId: `ch-${i}`,
    scope: i % 2 === 0 ? 'private' : 'class',
    text: `note ${i}`,
  });
  store.saveNote({ courseId: 'crash', chapterId: null, scope: 'private', text: `latest ${i}` });
  // fs.writeSync, not process.stdout.write: nothing may be left in a stream buffer when SIGKILL lands, and a
  // line is only written after both saves have returned (committed).
  writeSync(1, `committed ${i}\n`);
}
