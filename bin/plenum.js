#!/usr/bin/env node
'use strict';
// The `plenum` command runs the compiled CLI in out/; `npm run build` (or `npm start`, `npm test`) makes it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const entry = join(__dirname, '..', 'out', 'src', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('plenum: not built yet. Run `npm run build` first.\n');
  process.exit(2);
}
require(entry)
  .main()
  .catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  });
