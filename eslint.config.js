import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import tseslint from 'typescript-eslint'
import { defineConfig, globalIgnores } from 'eslint/config'

const nodeFiles = ['scripts/**', 'bench/**', 'src/cli/**', 'e2e/**', '*.config.*']

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
