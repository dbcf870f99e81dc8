import { defineConfig } from 'vitest/config'

// The group server's API suite. `npm test` runs it twice: on PGlite (ICW_TEST_STORE unset) and
// on a throwaway PostgreSQL cluster (ICW_TEST_STORE=postgres, TEST_DATABASE_URL).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['server/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
