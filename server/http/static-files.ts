import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { Handler } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2',
}

/** Marks the page as served by a group server, so the app signs people in (no request needed to find out). */
export const GROUP_META = '<meta name="icw-group-server" content="1" />'

/**
 * The built app. index.html gets the group-server marker; hashed assets are cached for good.
 * The service worker is not served: in group mode the app needs the server, and a cached
 * standalone shell must not stand in for it.
 */
export function staticFiles(root: string): Handler {
  const base = resolve(root)
  let index: Promise<string> | null = null
  const indexHtml = () => (index ??= readFile(resolve(base, 'index.html'), 'utf8').then((html) => html.replace('<head>', `<head>\n    ${GROUP_META}`)))
  return async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname)
    if (path === '/sw.js' || path.startsWith('/workbox-')) return c.text('Not found', 404)
    const file = resolve(base, `.${path}`)
    if (file !== base && !file.startsWith(base + sep)) return c.text('Not found', 404)
    if (path !== '/' && path !== '/index.html') {
      const info = await stat(file).catch(() => null)
      if (info?.isFile()) {
        c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream')
        c.header('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
        return c.body(await readFile(file))
      }
      if (extname(path)) return c.text('Not found', 404)
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(await indexHtml())
  }
}
