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
/** The core and io are pure: no React, no DOM-bound modules, no UI. */
const coreRestrictions = {
  patterns: [
    { group: ['react', 'react-dom', 'three', '@react-three/*', 'd3', 'zustand'], message: 'The core never touches the UI.' },
    { group: ['**/views/*', '**/panels/*', '**/state/*', '**/workers/*'], message: 'The core imports only geometry and io.' },
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
  { files: ['src/geometry/**/*.ts', 'src/io/**/*.ts', 'src/compare/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreRestrictions] } },
  { files: ['src/views/**/*.{ts,tsx}', 'src/panels/**/*.{ts,tsx}'], ignores: ['**/*.test.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', uiRestrictions] } },
);
