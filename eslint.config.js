import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import tseslint from 'typescript-eslint'
import { defineConfig, globalIgnores } from 'eslint/config'

const nodeFiles = ['scripts/**', 'bench/**', 'src/cli/**', 'e2e/**', 'server/**', '*.config.*']

export default defineConfig([
  globalIgnores(['dist', 'reports', 'playwright-report', 'test-results', 'docs']),
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite,
    ],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Classic zod is ~18 KB gzip more than zod/mini in the browser bundle (budget: 150 KB).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Import from 'zod/mini' (or the domain's ./zod.ts): classic zod is too big for the worksheet's JavaScript budget." }] }],
    },
  },
  {
    files: nodeFiles,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The group server is one more room beside the UI: it imports src/domain, the wire contract
    // (src/group-api) and its own files, never React or the browser app.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^react(?:$|[-/])', message: 'The server renders nothing: no React imports.' },
            {
              regex: '(?:^|/)src/(?:features|app|components|storage|pwa|lib)(?:/|$)',
              message: 'The server imports src/domain, src/group-api and its own files only.',
            },
          ],
        },
      ],
    },
  },
  {
    // API tests read the JSON answers' fields they check.
    files: ['server/tests/**/*.ts', 'server/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The wire contract is shared by the server and the browser: zod/mini and src/domain only.
    files: ['src/group-api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "Import z from src/domain/zod.ts (zod/mini)." }],
          patterns: [{ regex: '^react(?:$|[-/])|(?:^|/)(?:features|app|components|storage)(?:/|$)', message: 'src/group-api is the wire contract: zod and src/domain only.' }],
        },
      ],
    },
  },
  {
    // The rule module is pure: no UI, no browser state, no clock. "Today" and the
    // date of service come in as arguments.
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "Import z from ./zod.ts (zod/mini with English messages): classic zod is too big for the bundle." }],
          patterns: [
            {
              regex: '^react(?:$|[-/])',
              message: 'src/domain is the pure rule module: no React imports.',
            },
            {
              regex: '(?:^|/)(?:features|app|components)(?:/|$)',
              message:
                'src/domain must not import from src/features, src/app or src/components; they import the domain, not the reverse.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'fetch', 'XMLHttpRequest'].map(
          (name) => ({ name, message: `src/domain is pure: no ${name}. Pass what you need in as an argument.` }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/domain reads no clock: take the date as an argument.' },
        { object: 'performance', property: 'now', message: 'src/domain reads no clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain reads no clock: new Date() without arguments is "now"; take the date as an argument.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'src/domain reads no clock: Date() returns "now" as a string.',
        },
        { selector: 'JSXElement, JSXFragment', message: 'src/domain renders nothing: no JSX.' },
      ],
    },
  },
])
