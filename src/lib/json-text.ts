/**
 * Reading JSON text as a file holds it: strip a byte-order mark, and when the text does not
 * parse, say where (line and column) and why, in the same words on every Node version.
 * V8's own messages change between versions and often give no position at all
 * ("Unexpected token '}', "..." is not valid JSON"), so the location comes from a small
 * scanner of our own that runs only after JSON.parse has failed.
 */

export type JsonReadResult =
  | { ok: true; value: unknown }
  | { ok: false; empty: true; message: string }
  | { ok: false; empty: false; message: string; line: number | null; column: number | null }

const BOM = '\uFEFF'

export function readJsonText(raw: string): JsonReadResult {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw
  if (text.trim() === '') return { ok: false, empty: true, message: 'The file is empty' }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const located = locateJsonError(text)
    if (located === null) {
      // The scanner found nothing wrong but JSON.parse did: fall back on V8's words.
      return { ok: false, empty: false, message: `Invalid JSON: ${messageOf(error)}`, line: null, column: null }
    }
    const { line, column } = lineAndColumn(text, located.offset)
    return {
      ok: false,
      empty: false,
      message: `Invalid JSON at line ${line}, column ${column}: ${located.message}`,
      line,
      column,
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** 1-based line and column (in UTF-16 code units, as editors on the web count) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

type Container = 'object' | 'array'

/**
 * The offset and reason of the first syntax error in JSON text (RFC 8259), or null when the
 * text is valid. Iterative, so deeply nested input cannot overflow the call stack.
 */
export function locateJsonError(text: string): { offset: number; message: string } | null {
  const n = text.length
  let i = 0
  const stack: Container[] = []

  const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13
  const skipWs = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++
  }
  const show = (at: number) => {
    if (at >= n) return 'the end of the file'
    const cp = text.codePointAt(at) ?? 0
    const ch = String.fromCodePoint(cp)
    return cp < 32 || cp === 0x7f ? `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`
  }
  const fail = (at: number, expected: string) => ({ offset: Math.min(at, n), message: `expected ${expected} but found ${show(at)}` })

  /** Scans a string starting at a quote; returns an error or null, leaving i after the closing quote. */
  const scanString = (): { offset: number; message: string } | null => {
    const start = i
    i++ // opening quote
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return null
      }
      if (c === 92) {
        const e = text[i + 1]
        if (e === undefined) break
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { offset: i, message: 'a \\u escape needs four hexadecimal digits' }
          i += 6
          continue
        }
        if (!'"\\/bfnrt'.includes(e)) return { offset: i, message: `'\\${e}' is not a JSON escape` }
        i += 2
        continue
      }
      if (c < 32) return { offset: i, message: `a string may not hold ${show(i)} (write it as an escape such as \\n)` }
      i++
    }
    return { offset: start, message: 'the string that starts here is never closed (missing ")' }
  }

  const scanDigits = () => {
    const from = i
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++
    return i - from
  }

  const scanNumber = (): { offset: number; message: string } | null => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else if (scanDigits() === 0) return fail(i, 'a digit')
    if (text[i] === '.') {
      i++
      if (scanDigits() === 0) return fail(i, 'a digit after the decimal point')
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      if (scanDigits() === 0) return fail(i, 'a digit in the exponent')
    }
    return null
  }

  /** After '{' or ',' in an object: a key, a colon, then a value follows. */
  const scanKeyAndColon = (): { offset: number; message: string } | null => {
    skipWs()
    if (text[i] !== '"') return fail(i, 'a property name in double quotes')
    const bad = scanString()
    if (bad) return bad
    skipWs()
    if (text[i] !== ':') return fail(i, "':' after the property name")
    i++
    return null
  }

  skipWs()
  for (;;) {
    // Expecting a value.
    skipWs()
    const c = text[i]
    let valueDone: boolean
    if (c === '{') {
      i++
      skipWs()
      if (text[i] === '}') {
        i++
        valueDone = true
      } else {
        const bad = scanKeyAndColon()
        if (bad) return bad
        stack.push('object')
        continue
      }
    } else if (c === '[') {
      i++
      skipWs()
      if (text[i] === ']') {
        i++
        valueDone = true
      } else {
        stack.push('array')
        continue
      }
    } else if (c === '"') {
      const bad = scanString()
      if (bad) return bad
      valueDone = true
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const bad = scanNumber()
      if (bad) return bad
      valueDone = true
    } else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i))
      if (word === undefined) return fail(i, 'a value (object, array, string, number, true, false or null)')
      i += word.length
      valueDone = true
    }

    // After a value: close containers or move to the next element.
    while (valueDone) {
      skipWs()
      const top = stack[stack.length - 1]
      if (top === undefined) {
        if (i < n) return fail(i, 'nothing after the JSON value')
        return null
      }
      const d = text[i]
      if (d === ',') {
        i++
        if (top === 'object') {
          const bad = scanKeyAndColon()
          if (bad) return bad
        }
        valueDone = false
      } else if ((top === 'object' && d === '}') || (top === 'array' && d === ']')) {
        stack.pop()
        i++
      } else {
        return fail(i, top === 'object' ? "',' or '}'" : "',' or ']'")
      }
    }
  }
}
