// Gzip (level 9) sizes of the built JS and CSS.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Every file in `dir` whose name ends with `ext`, with its raw and gzip -9 size in bytes. */
export function gzipSizes(dir, ext) {
  let names
  try { names = readdirSync(dir) } catch { return [] }
  return names
    .filter((name) => name.endsWith(ext))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name))
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    })
}

export const kb = (bytes) => bytes / 1024
