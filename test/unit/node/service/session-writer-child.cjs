/**
 * Child process for session-crash.test.ts: runs a real SessionRunner over the real Store and moves the
 * lecture as fast as it can, printing "saved <revision>" after each command has returned (saved), until the
 * parent kills it with SIGKILL. (src/*.ts is loaded through test/support/swc-require-hook.cjs.)
 */
'use strict';
const { writeSync } = require('node:fs');
const { join } = require('node:path');
require('../../../support/swc-require-hook.cjs');

const { openStore } = require(join(__dirname, '../../../../src/node/store'));
const { SessionRunner } = require(join(__dirname, '../../../../src/node/service/session-runner'));

const chapter = (id, start, end) => ({
  id,
  title: id,
  start,
  end,
  pause: true,
  statements: [],
  prompts: ['a', 'b', 'c'],
  tips: [],
  solutions: [],
  links: [],
});
// The runner reads a course's handle, manifest and plan; the unlocked file is not needed here.
const course = {
  handle: 'c'.repeat(32),
  plan: null,
  manifest: { id: 'crash', chapters: [chapter('a', 0, 10), chapter('b', 10, 20), chapter('c', 20, 30)] },
};
const runner = new SessionRunner({
  store: openStore(process.argv[2]),
  now: Date.now,
  onChange: () => undefined,
  onPosition: () => undefined,
});
runner.begin({ course, kind: 'lecture', view: 'presenter', fresh: false, promptMode: 'one' });
for (let i = 0; ; i++) {
  const target = i % 3;
  runner.command({ type: 'go-to-chapter', chapter: target });
  runner.command({ type: 'play' });
  const state = runner.command({ type: 'chapter-ended', chapter: target, at: target * 10 + 9.9 });
  const shown = runner.command({ type: 'show-prompt', promptIndex: i % 3 });
  // fs.writeSync, not a stream: nothing may be left in a buffer when SIGKILL lands.
  writeSync(1, `saved ${shown.lecture.revision} ${state.lecture.phase.kind} ${target} ${i % 3}\n`);
}
