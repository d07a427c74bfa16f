// `pnpm lint`: ESLint with type-aware rules (typescript-eslint's
// recommendedTypeChecked) over every package, test, script and example, and
// Lit's template and accessibility rules over the widgets. Part of `pnpm test`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    // Generated: Prisma's client and the SDK's typed operations.
    'packages/core/src/generated/',
    'packages/client-sdk/src/generated/',
    // Build, test and run outputs (as in .gitignore).
    'storybook-static/',
    '.test-results/',
    '.data/',
    '.tmp/',
    'coverage/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // One program for the whole workspace (the root tsconfig, as `pnpm typecheck`). The project service would
      // open each package's tsconfig, and each of those takes in the sources of the packages it imports:
      // measured here, 91 s of CPU and 2.6 GB against 59 s and 1.5 GB.
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `async` marks functions that implement a Promise-returning contract (storage adapters, Fastify plugins and
      // hooks, Apollo plugin hooks) even when their body needs no `await`; it also turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // `_`-prefixed names mark what is unused on purpose (a destructured-away field, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/test/**/*.ts', 'test/**/*.ts'],
    rules: {
      // Tests read untyped wire answers (`response.json()`, `JSON.parse`) and use vitest's any-typed asymmetric
      // matchers (`expect.any(String)`); their assertions are the check. The promise rules and the rest stay on.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // For the same reason they type such answers loosely (`Record<string, any>`).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Plain JavaScript (scripts, examples, configs): no type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['packages/widgets/**/*.{js,ts}', 'examples/portal/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['packages/widgets/src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], litA11y.configs.recommended],
    rules: {
      // Lit calls a template's event listeners (`@submit=${this.onSubmit}`) with `this` bound to the host element.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
