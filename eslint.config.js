// Lint: TypeScript rules plus the layering of ../shared/design/ARCHITECTURE.md.
//   renderer ──► shared ◄── host ◄── electron/main      (cli, web host live in host)
// shared/ imports no electron, node built-ins, react or DOM; renderer/ imports
// neither electron/ nor host/. A violation fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'buffer', 'zlib', 'process'];

export const layering = {
  shared: {
    patterns: [
      { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins (put it in host/).' },
      { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
      { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'monaco-editor', 'monaco-editor/*'], message: 'shared/ must not import UI libraries.' },
      { group: ['**/renderer/**', '**/host/**', '**/electron/**'], message: 'shared/ imports nothing from the other layers.' },
    ],
  },
  renderer: {
    patterns: [
      { group: ['**/host/**', '**/electron/**'], message: 'renderer/ talks to the host only through window.dealwright (MainApi).' },
      { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'renderer/ runs in a sandboxed page: no electron or Node modules.' },
    ],
  },
  host: {
    patterns: [
      { group: ['electron', 'electron/*'], message: 'host/ is shared with the web host and CLI: Electron-only pieces come in through ports.' },
      { group: ['**/renderer/**', '**/electron/**'], message: 'host/ must not import the renderer or the Electron shell.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['.tmp/**', 'out/**', 'node_modules/**', 'dist/**', 'release/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      'no-eval': 'error',
      'no-new-func': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', layering.shared] } },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', layering.renderer] },
  },
  { files: ['host/**/*.ts'], rules: { 'no-restricted-imports': ['error', layering.host] } },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
