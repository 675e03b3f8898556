/**
 * Lets a plain Node child process of a store test require src/*.ts: Jest's transform does not reach child
 * processes and Node 20 cannot run TypeScript, so this compiles each .ts file with @swc/core (already a dev
 * dependency, the same compiler @swc/jest uses). The child then exercises the real store, not a copy of its SQL.
 */
'use strict';
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
