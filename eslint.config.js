// Lint with the architecture's boundaries as rules (as Signal and VS Code do):
//  - only electron/ may import 'electron' at run time (without the binary, require('electron') tries a download);
//  - core/domain is pure: no Node I/O, no store, no services;
//  - core/ never imports renderer/ or electron/; renderer/ reaches the core only through core/contract and core/i18n.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronBan = {
  paths: [{ name: 'electron', message: 'Only electron/ may import electron at run time (use `import type`).', allowTypeImports: true }],
  patterns: [{ group: ['electron/*', 'electron/**'], message: 'Only electron/ may import electron.', allowTypeImports: true }],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', '.tmp/', 'resources/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', electronBan],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronBan.paths,
          patterns: [
            ...electronBan.patterns,
            { group: ['**/renderer/**', '**/electron/**'], message: 'The core never depends on a UI or shell layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['core/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronBan.paths,
          patterns: [
            ...electronBan.patterns,
            { group: ['**/store/**', '**/services/**', '**/adapters/**', '**/rpc/**'], message: 'core/domain holds pure rules: no store, services or adapters.' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'The core never depends on a UI or shell layer.' },
            { group: ['better-sqlite3', 'node-hid', 'ws', 'node:child_process', 'node:net', 'node:http'], message: 'core/domain is pure: no devices, database or network.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: electronBan.paths,
          patterns: [
            ...electronBan.patterns,
            { group: ['node:*', 'better-sqlite3', 'node-hid', 'ws'], message: 'The renderer runs in a sandboxed page: no Node modules.' },
            {
              regex: '^(\\.\\./)+core/(?!contract/|i18n/|domain/)',
              message: 'The renderer reaches the core only through window.motcua (core/contract types, core/i18n messages, pure core/domain rules).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
