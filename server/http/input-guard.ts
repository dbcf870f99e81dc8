/**
 * Checks the zod schemas cannot express for the whole request: PostgreSQL text and jsonb hold
 * no U+0000 and no unpaired surrogate (jsonb refuses "\ud800"), and a field a schema would drop
 * silently (a domain schema that is not strict) is refused like any unknown field.
 */

/** No request of this API nests deeper than this; deeper is refused before anything walks it. */
export const MAX_DEPTH = 32

/** The path of the first string PostgreSQL could not store (or of too deep a nesting), or null. */
export function unstorableString(value: unknown, path: string[] = []): { path: string; problem: string } | null {
  if (path.length > MAX_DEPTH) return { path: path.slice(0, MAX_DEPTH).join('.'), problem: `is nested more than ${MAX_DEPTH} levels deep` }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path: path.join('.'), problem: 'contains a NUL character' }
    if (!value.isWellFormed()) return { path: path.join('.'), problem: 'contains an unpaired surrogate (broken Unicode)' }
    return null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableString(value[i], [...path, String(i)])
      if (found) return found
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableString(key, [...path, key]) ?? unstorableString(item, [...path, key])
      if (found) return found
    }
  }
  return null
}

/** The path of the first key of `raw` that the parsed value no longer has, or null. */
export function droppedKey(raw: unknown, parsed: unknown, path: string[] = []): string | null {
  if (path.length > MAX_DEPTH) return null
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (let i = 0; i < Math.min(raw.length, parsed.length); i++) {
      const found = droppedKey(raw[i], parsed[i], [...path, String(i)])
      if (found) return found
    }
    return null
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [key, item] of Object.entries(raw)) {
      if (!Object.hasOwn(parsed, key)) return [...path, key].join('.')
      const found = droppedKey(item, (parsed as Record<string, unknown>)[key], [...path, key])
      if (found) return found
    }
  }
  return null
}
