import { resolve } from 'node:path'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The review queue benchmark page (bench/review-ui/index.html + main.tsx), bundled on its own
// into reports/bench-review-ui/dist by scripts/bench-review-ui.mjs: the app's ReviewQueuePage
// with the app's styles over an in-memory store of ~100,000 claim lines. Production React.
const repo = resolve(import.meta.dirname, '../..')

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: resolve(repo, 'reports/bench-review-ui/dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    // Cross-origin isolation: performance.now() at 5 µs instead of Chromium's coarsened 100 µs.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
})
