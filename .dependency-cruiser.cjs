/**
 * The layering rules of docs/architecture.md, checked in CI:
 * src/common is pure; renderer imports only src/common; only main/ imports electron; src/ never imports main/ or renderer/.
 */
module.exports = {
  forbidden: [
    {
      name: 'common-is-pure',
      comment:
        'src/common runs in Node, the renderer and tests alike: no node builtins, no Node-only packages, no other layer.',
      severity: 'error',
      from: { path: '^src/common' },
      to: {
        pathNot: ['^src/common', '^locales/', 'node_modules/(zod|i18next|yaml)/'],
      },
    },
    {
      name: 'common-no-builtins',
      severity: 'error',
      from: { path: '^src/common' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-common',
      comment:
        'The renderer talks to main only through window.plenum; it may import src/common and browser packages.',
      severity: 'error',
      from: { path: '^renderer' },
      to: { path: '^(src/(node|cli)|main)/' },
    },
    {
      name: 'renderer-no-builtins',
      severity: 'error',
      from: { path: '^renderer' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-main-imports-electron',
      severity: 'error',
      from: { pathNot: '^(main|test/unit/main|test/e2e)/' },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'src-not-main-or-renderer',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(main|renderer)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
