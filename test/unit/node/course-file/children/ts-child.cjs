'use strict';
// Runs a TypeScript module in a plain child process, the way Jest runs tests: each .ts file is compiled by
// swc when required. Used by the tests that need a real second process (file-size limits, kill -9, locks).
// Usage: node ts-child.cjs <module.ts> [args...]; the module runs on require.
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const [, , entry, ...rest] = process.argv;
process.argv = [process.argv[0], entry, ...rest];
require(resolve(entry));
