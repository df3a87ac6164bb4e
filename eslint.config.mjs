// Lint: TypeScript's recommended rules, plus the process boundaries (after Signal Desktop's
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

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
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
