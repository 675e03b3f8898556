'use strict';
// Runs a TypeScript module in a plain child process, the way Jest runs tests: each .ts file is compiled by
// swc when required. Used by the tests that need a real second process (file-size limits, kill -9, locks).
// Usage: node ts-child.cjs <module.ts> [args...]; the module runs on require.
const { resolve } = require('node:path');
require('../../../../support/swc-require-hook.cjs');

const [, , entry, ...rest] = process.argv;
process.argv = [process.argv[0], entry, ...rest];
require(resolve(entry));
