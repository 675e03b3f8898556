/**
 * Child process for wal-crash.test.ts: opens the real store at argv[2] with the checkpoint idle time argv[3]
 * (ms) and obeys lines on stdin: "write <first> <count>" saves that many notes and prints "committed <i>" after
 * each. Every WAL keeper event is printed as "event <kind>[ <recovered>]". It idles between commands (so the
 * keeper's timer can run) until the parent kills it with SIGKILL. (src/*.ts loads through swc-require-hook.cjs.)
 */
'use strict';
const { writeSync } = require('node:fs');
const { join } = require('node:path');
const { createInterface } = require('node:readline');
require('../../../support/swc-require-hook.cjs');

const { openStore } = require(join(__dirname, '../../../../src/node/store'));

// fs.writeSync, not process.stdout.write: nothing may wait in a stream buffer when SIGKILL lands.
const say = (line) => writeSync(1, `${line}\n`);
const store = openStore(process.argv[2], {
  wal: {
    idleMs: Number(process.argv[3]),
    onEvent: (event) => say(`event ${event.kind}${'recovered' in event ? ` ${event.recovered}` : ''}`),
  },
});
say('ready');
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, first, count] = line.split(' ');
  if (command !== 'write') throw new Error(`unknown command ${line}`);
  for (let i = Number(first); i < Number(first) + Number(count); i++) {
    store.saveNote({ courseId: 'wal', chapterId: `ch-${i}`, scope: 'private', text: `note ${i}` });
    say(`committed ${i}`);
  }
});
// The readline interface keeps the process alive; the keeper's timer is unref'd and would not.
