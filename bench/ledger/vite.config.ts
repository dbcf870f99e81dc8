import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The ledger benchmark page (bench/ledger/index.html + main.ts), bundled on its own into
// reports/bench-ledger/dist by scripts/bench-ledger.mjs. It imports the app's storage, import
// parser and rule module directly; no React, no service worker.
const repo = resolve(import.meta.dirname, '../..')

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(repo, 'reports/bench-ledger/dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Readable stacks if the page throws; size is no concern here.
    minify: false,
    sourcemap: true,
  },
  preview: {
    // Cross-origin isolation: performance.now() at 5 µs instead of Chromium's coarsened 100 µs.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
})
