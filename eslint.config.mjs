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

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    files: ['src/main/shell/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
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
        { ...electronOnlyInShell, patterns: [{ group: ['**/shell/**', '**/web/**'], message: 'The core does not know about its shells.' }] },
      ],
    },
  },
);
