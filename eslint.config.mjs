// Lint for every TypeScript and JavaScript source the project ships or runs (`npm run lint`; CI runs it as
// part of `npm run typecheck`): the recommended rules of ESLint and typescript-eslint, without type
// information so that it stays quick on a 2-core machine. `no-explicit-any` is among them: no `any` anywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  // src/engine/wasm/assembly/ is AssemblyScript (its own types: f32, v128, usize), compiled by scripts/wasm.mjs.
  { ignores: ['node_modules/', 'dist/', 'out/', '.ui-cache/', '.ui-out/', 'test/fixtures/', '**/*.d.ts', 'src/engine/wasm/assembly/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  // The panel's front end runs in a browser.
  { files: ['webview/**/*.ts'], languageOptions: { globals: globals.browser } },
  // UI-suite helpers pass functions to Playwright's page.evaluate, which run in the workbench page.
  { files: ['test/ui/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // The CLI's launcher is plain CommonJS (it loads the bundled dist/cli.js).
  { files: ['bin/**/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
