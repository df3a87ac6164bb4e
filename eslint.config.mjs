// Lint: typescript-eslint's strict type-checked rules on the app's own code (src), its recommended
// rules elsewhere (tests, benchmarks, scripts), plus the process boundaries (after Signal Desktop's
// file-suffix idea done with folders): the renderer never imports main code, and nothing outside
// the shell and the preload imports electron (tests must never load it: in plain Node, requiring
// electron tries to download its binary).
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  paths: [
    { name: 'electron', message: 'Only src/main/shell and src/preload may import electron.' },
    { name: 'electron-store', message: 'electron-store imports electron: use it only in src/main/shell.' },
  ],
};

// The main process loads its dependencies from node_modules (not bundled): importing date-fns'
// index loads its hundreds of modules, measured at about 300 MB of memory at start.
const wholeDateFns = { name: 'date-fns', message: 'Import each function from its own path (date-fns/addDays): the whole index costs the main process about 300 MB.' };
const mainCode = { ...electronOnlyInShell, paths: [...electronOnlyInShell.paths, wholeDateFns] };

/** The app's own code: checked with the types (main, preload and shared by tsconfig.json, the renderer by tsconfig.web.json). */
const MAIN = ['src/main/**/*.ts', 'src/preload/**/*.ts', 'src/shared/**/*.ts'];
const RENDERER = ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'];
const APP = [...MAIN, ...RENDERER];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: APP })),
  {
    files: APP,
    rules: {
      // Every switch over a union names every member (or has a default that handles the rest).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Numbers read well in messages; anything else must be made a string on purpose.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => setX(v)` is the idiom for a callback; returning void elsewhere is still refused.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // noUncheckedIndexedAccess is on: `rows[0]!` states what a query or a length check guarantees,
      // where the rule would have every such line grow a branch that cannot run.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: MAIN, languageOptions: { parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname } } },
  {
    files: RENDERER,
    languageOptions: { parserOptions: { project: ['./tsconfig.web.json'], tsconfigRootDir: import.meta.dirname } },
    // React's event props take `() => void`; an async handler there is the idiom (its errors are caught inside).
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', mainCode],
    },
  },
  {
    files: ['src/main/shell/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests may read dates with all of date-fns (they check the planner against it).
    files: ['test/**'],
    rules: { 'no-restricted-imports': ['error', electronOnlyInShell] },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInShell,
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to the core only through src/shared and its bridge.' },
            { group: ['better-sqlite3', 'node:*'], message: 'The renderer runs in a browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...mainCode, patterns: [{ group: ['**/shell/**', '**/web/**'], message: 'The core does not know about its shells.' }] },
      ],
    },
  },
);
