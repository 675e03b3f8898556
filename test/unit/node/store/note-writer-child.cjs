/**
 * Child process for notes-crash.test.ts: saves notes through the real Store as fast as it can and prints
 * "committed <i>" after each saveNote returns, until the parent kills it with SIGKILL.
 * (src/*.ts is loaded through swc-require-hook.cjs.)
 */
'use strict';
const { writeSync } = require('node:fs');
const { join } = require('node:path');
require('../../../support/swc-require-hook.cjs');

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
