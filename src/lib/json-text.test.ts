import { describe, expect, it } from 'vitest'
import { lineAndColumn, locateJsonError, readJsonText } from './json-text.ts'

describe('locateJsonError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', '[]', ' 0 ', '-1.5e+3', '"a\\u00e9\\n"', '{"a":[1,{"b":null}],"c":true}', '[[[[[]]]]]']) {
      expect(locateJsonError(text), text).toBeNull()
    }
  })

  it.each([
    ['{"a":}', 5, /expected a value/],
    ['{"a": 1,}', 8, /property name/],
    ['[1 2]', 3, /',' or '\]'/],
    ['[1,]', 3, /expected a value/],
    ['{"a": 1', 7, /',' or '}' but found the end of the file/],
    ['{"a": tru}', 6, /expected a value/],
    ['"abc', 0, /never closed/],
    ['{"a":1}x', 7, /nothing after/],
    ['{"a\\q":1}', 3, /not a JSON escape/],
    ['01', 1, /nothing after/],
    ['{a: 1}', 1, /property name in double quotes/],
  ])('locates the error in %j', (text, offset, message) => {
    const found = locateJsonError(text)
    expect(found?.offset).toBe(offset)
    expect(found?.message).toMatch(message)
    expect(() => JSON.parse(text) as unknown).toThrow()
  })

  it('does not overflow the stack on deep nesting', () => {
    expect(locateJsonError('['.repeat(200_000))?.message).toMatch(/end of the file/)
  })
})

describe('readJsonText', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 })
    expect(lineAndColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 })
    expect(lineAndColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 })
  })

  it('parses, strips a BOM, and tells an empty file from a broken one', () => {
    expect(readJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    expect(readJsonText('  ')).toMatchObject({ ok: false, empty: true })
    expect(readJsonText('{\r\n  "a": 1,\r\n}')).toMatchObject({ ok: false, empty: false, line: 3, column: 1 })
  })
})
