import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Views and panels reach tfjs and the workers only through stores or a worker client. */
const uiRestrictions = {
  patterns: [
    { group: ['@tensorflow/*'], message: 'UI code reaches tfjs only through a worker client.' },
    { group: ['**/geometry/*', '**/io/*'], message: 'Views never compute geometry: go through a store.', allowTypeImports: true },
  ],
};
const UI_LIBS = ['react', 'react-dom', 'three', '@react-three/*', 'd3'];
/** The core folders are pure: no React, no DOM-bound modules, no UI, no stores, no worker plumbing. */
const coreRestrictions = {
  patterns: [
    { group: [...UI_LIBS, 'zustand'], message: 'The core never touches the UI.' },
    { group: ['**/views/*', '**/panels/*', '**/state/*', '**/workers/*'], message: 'The core imports only core folders and src/format.ts: move what it needs to a neutral home.' },
  ],
};
/** The core folders (README, "Layout"). */
const CORE = ['geometry', 'io', 'compare', 'datasets', 'training', 'landscape', 'explore', 'stream'];
/** Workers and their RPC serve the UI without knowing it. */
const workerRestrictions = {
  patterns: [
    { group: [...UI_LIBS, 'zustand'], message: 'Workers never touch the UI.' },
    { group: ['**/views/*', '**/panels/*', '**/state/*'], message: 'Workers never import views, panels or stores: move what they need to a neutral home.' },
  ],
};
/** Stores hold the app's state for the panels; the CLI is a separate front end. */
const stateRestrictions = {
  patterns: [
    { group: UI_LIBS, message: 'Stores never touch the UI.' },
    { group: ['**/cli/*', '**/panels/*', '**/views/*'], message: 'Stores never import the CLI, panels or views: move what they need to a neutral home.' },
  ],
};
/** url/ (the address table and its sync) and teach/ (lesson stores) sit beside state/: stores yes, UI no. */
const besideStateRestrictions = {
  patterns: [
    { group: UI_LIBS, message: 'url/ and teach/ never touch the UI.' },
    { group: ['**/cli/*', '**/panels/*', '**/views/*'], message: 'url/ and teach/ never import the CLI, panels or views.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'e2e-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: CORE.map((d) => `src/${d}/**/*.ts`), rules: { 'no-restricted-imports': ['error', coreRestrictions] } },
  { files: ['src/workers/**/*.ts'], rules: { 'no-restricted-imports': ['error', workerRestrictions] } },
  { files: ['src/state/**/*.ts'], rules: { 'no-restricted-imports': ['error', stateRestrictions] } },
  { files: ['src/url/**/*.ts', 'src/teach/**/*.ts'], rules: { 'no-restricted-imports': ['error', besideStateRestrictions] } },
  // The one number formatter is a leaf: everything may import it, it imports nothing.
  { files: ['src/format.ts'], rules: { 'no-restricted-syntax': ['error', { selector: 'ImportDeclaration', message: 'src/format.ts imports nothing.' }] } },
  { files: ['src/views/**/*.{ts,tsx}', 'src/panels/**/*.{ts,tsx}'], ignores: ['**/*.test.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', uiRestrictions] } },
);
