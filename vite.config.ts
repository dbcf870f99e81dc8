/// <reference types="vitest/config" />
import { createHash } from 'node:crypto'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// The dev server injects React Fast Refresh's inline preamble script, which the strict
// CSP in index.html would block. Allow exactly that script, by hash, in dev only;
// the built app keeps `script-src 'self'`.
function allowRefreshPreambleInDev(): Plugin {
  const preamble = react.preambleCode.replace('__BASE__', '/')
  const hash = createHash('sha256').update(preamble).digest('base64')
  return {
    name: 'csp-allow-refresh-preamble-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`),
  }
}

export default defineConfig({
  plugins: [react(), tailwindcss(), allowRefreshPreambleInDev()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
})
