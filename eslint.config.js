// Layer rules (VS Code / Signal style): shared/ is pure, the renderer never touches Node or
// Electron, the Electron shell never imports UI code. Lint enforces it so nobody has to remember.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'util',
  'stream',
  'buffer',
  'worker_threads',
  'zlib',
  'http',
  'https',
  'net',
];

const focusedTests = ['describe', 'it', 'test'].map((object) => ({
  selector: `MemberExpression[object.name='${object}'][property.name='only']`,
  message: 'Focused tests (.only) silently skip the rest of the suite.',
}));

// The Dexie tables, read from their declarations in renderer/src/data/db.ts so the list never
// drifts. Screens reach them only through the repositories in renderer/src/data, so every read
// and write has one place that states its rules.
const dexieTables = [
  ...readFileSync(new URL('./renderer/src/data/db.ts', import.meta.url), 'utf8').matchAll(
    /^\s+(\w+)!: EntityTable</gm,
  ),
].map((match) => match[1]);
if (dexieTables.length === 0) throw new Error('eslint.config.js: no tables found in db.ts');

const tableAccess = {
  selector: `MemberExpression[object.name='db'][property.name=/^(${dexieTables.join('|')}|table|transaction)$/]`,
  message:
    'Screens never touch Dexie tables: read and write through a repository in renderer/src/data.',
};

// The live-query rule (stated in renderer/src/data/repositories/queries.ts): a useLiveQuery
// reader awaits one Dexie read at a time, never reads side by side.
const liveQueryReads = {
  selector:
    "CallExpression[callee.name='useLiveQuery'] CallExpression[callee.object.name='Promise'][callee.property.name=/^(all|allSettled|race|any)$/]",
  message:
    'Inside useLiveQuery, read one request at a time (the live-query rule, renderer/src/data/repositories/queries.ts).',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'dist-cli',
      'release',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', ...focusedTests],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
            {
              group: ['react', 'react-dom', 'react/*', 'dexie'],
              message: 'shared/ is pure: no UI or database.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/cli/**'],
              message: 'shared/ imports nothing outside shared/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'process',
        'require',
        'Buffer',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', ...focusedTests, tableAccess, liveQueryReads],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'The renderer has no Node: go through the Platform interface.',
            },
            {
              group: ['electron', 'electron/*'],
              message:
                'The renderer talks to Electron only through window.reviewDesk (the preload).',
            },
            {
              group: ['**/electron/**', '**/cli/**'],
              message: 'The renderer imports only shared/ and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // The data layer owns the tables; its own tests read them to check what is stored.
    files: ['renderer/src/data/**/*.{ts,tsx}', 'renderer/src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...focusedTests] },
  },
  {
    files: [
      'electron/**/*.ts',
      'cli/**/*.ts',
      'scripts/**/*.ts',
      'test/**/*.ts',
      '*.config.{js,ts,cjs}',
      'build/**/*.cjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'react-dom', 'dexie'],
              message: 'Main process and CLI never import UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
