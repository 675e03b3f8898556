// @ts-check
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Files allowed to touch Electron's raw IPC objects: the typed channel registry in main/ipc and the preload bridge. */
const rawIpcHomes = ['main/ipc/**', 'main/preload.ts'];

/** The message that explains the raw IPC ban wherever it fires. */
const rawIpcMessage =
  'Raw ipcMain/ipcRenderer only in main/ipc/** and main/preload.ts: everything else goes through the typed channels.';

/**
 * ESLint gates CI: the type-aware recommended rules (every file is checked against its tsconfig through the
 * project service), the house rules (named exports, exhaustive switches, no unhandled promises), the React hooks
 * rules and accessibility checks for the renderer, and the fence around Electron's raw IPC.
 */
export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'coverage',
      'test-results',
      'playwright-report',
      'bin',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: {
        projectService: {
          // Tool configs that no tsconfig includes (the renderer's tsconfig is DOM-only and leaves the Vite configs
          // out) are checked in a default project instead of being refused.
          allowDefaultProject: ['renderer/vite.config.mts', 'renderer/vite.host-client.config.mts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A promise nobody awaits loses its rejection: handle it, or mark fire-and-forget with `void` and a reason.
      '@typescript-eslint/no-floating-promises': 'error',
      // Its companions: no promise where a plain value or void callback is expected (an async onClick, an `if`
      // on a promise), no await on something that is not a promise, no cast the types already prove.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // The rest of typescript-eslint's type-checked recommendations that hold here: strings built only from
      // strings and numbers, only Errors thrown, no code from strings, no meaningless union members.
      '@typescript-eslint/restrict-template-expressions': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-duplicate-type-constituents': 'error',
      '@typescript-eslint/no-redundant-type-constituents': 'error',
      '@typescript-eslint/no-unsafe-enum-comparison': 'error',
      '@typescript-eslint/no-unsafe-unary-minus': 'error',
      // Every switch over a union names every member; a `default` does not count, so adding a member to a union
      // makes each switch that forgot it fail here. Where a default is needed, it ends in assertNever.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        {
          considerDefaultExhaustiveForUnions: false,
          requireDefaultForNonUnion: false,
          allowDefaultCaseForExhaustiveSwitch: true,
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            // Naming ipcMain/ipcRenderer also refuses `import * as electron`; the default import is refused too,
            // since `electron.ipcMain` would otherwise walk past the fence.
            { name: 'electron', importNames: ['ipcMain', 'ipcRenderer', 'default'], message: rawIpcMessage },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // `(await import('electron')).ipcMain` would get past no-restricted-imports (require() is refused by
          // no-require-imports already): electron is imported statically, by name.
          selector: "ImportExpression[source.value='electron']",
          message: rawIpcMessage,
        },
      ],
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    files: rawIpcHomes,
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
);
