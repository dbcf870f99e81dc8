/// <reference types="vitest/config" />
import { createHash } from 'node:crypto'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { VitePWA } from 'vite-plugin-pwa'

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

// Brand palette from tailwind.config.ts: brand-800 is the header bar, brand-50 the page.
const THEME_COLOR = '#1c3859'
const BACKGROUND_COLOR = '#f1f5fa'

// Offline: a generated Workbox service worker precaches every built file, so the worksheet
// opens and works with no network. Registration is in src/pwa/register-sw.ts (no inline
// script, which the CSP would block). 'prompt': a new version waits until the user agrees
// to reload, so an update never reloads a half-coded encounter or changes the rules mid-claim.
const pwa = VitePWA({
  strategies: 'generateSW',
  registerType: 'prompt',
  injectRegister: false,
  devOptions: { enabled: false },
  // globPatterns below already precaches every file in dist/ (public/ included); listing
  // them here too would only duplicate precache entries.
  includeAssets: [],
  includeManifestIcons: false,
  manifest: {
    id: '/',
    name: 'Injection Coding Worksheet',
    short_name: 'Coding Worksheet',
    description:
      'Code pain-management injections: CPT/HCPCS codes, modifiers, units and denial risks, computed in your browser.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  },
  workbox: {
    // Workbox's runtime is emitted beside sw.js and loaded with a relative importScripts:
    // no CDN. 'production' drops its console logging.
    mode: 'production',
    inlineWorkboxRuntime: false,
    sourcemap: false,
    // Everything in dist/ (the plugin adds manifest.webmanifest itself).
    globPatterns: ['**/*.{js,css,html,svg,png,ico,txt}'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
  },
})

export default defineConfig({
  plugins: [react(), tailwindcss(), allowRefreshPreambleInDev(), pwa],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
})
