import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../domain/index.ts'
import { inputToWorksheet, worksheetToInput } from '../model/index.ts'
import {
  encounterToJson, MAX_ENCOUNTER_FILE_BYTES, parseEncounterFile, readEncounterFile, utf8ByteLength,
} from './encounter-file.ts'
import { exampleInput } from './test-fixtures.ts'

const example = exampleInput()

function refusal(text: string) {
  const result = parseEncounterFile(text)
  if (result.ok) throw new Error('expected the file to be refused')
  return result
}

describe('encounterToJson', () => {
  it('writes schemaVersion first, indented two spaces, with a final newline', () => {
    const json = encounterToJson(example)
    expect(json.startsWith(`{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "encounter": {\n    "dateOfService": "2026-10-14",`)).toBe(true)
    expect(json.endsWith('\n}\n')).toBe(true)
    expect(Object.keys(JSON.parse(json) as object)).toEqual(['schemaVersion', 'encounter', 'history'])
  })

  it('puts schemaVersion first even when the object was built in another order', () => {
    const reordered = { history: example.history, encounter: example.encounter, schemaVersion: example.schemaVersion }
    expect(encounterToJson(reordered)).toBe(encounterToJson(example))
  })
})

describe('parseEncounterFile', () => {
  it('reads the example encounter back exactly as it was exported', () => {
    const result = parseEncounterFile(encounterToJson(example))
    expect(result).toEqual({ ok: true, input: example })
  })

  it('round-trips through the worksheet form too', () => {
    const result = parseEncounterFile(encounterToJson(example))
    if (!result.ok) throw new Error(result.message)
    const back = worksheetToInput(inputToWorksheet(result.input), result.input.history, '2026-11-26')
    expect(back.issues).toEqual([])
    expect(back.input).toEqual(example)
  })

  it('carries the diagnoses in box 21 order and the pointers chosen for a line, through the file and the form', () => {
    const chosen = structuredClone(example)
    chosen.encounter.diagnoses = ['M47.816', 'M54.50']
    chosen.encounter.linePointers = [{ code: '64493', modifiers: ['50', 'KX'], pointers: ['B', 'A'] }]
    const json = encounterToJson(chosen)
    expect(json).toContain('"linePointers": [')
    const result = parseEncounterFile(json)
    if (!result.ok) throw new Error(result.message)
    expect(result.input.encounter.linePointers).toEqual([{ code: '64493', modifiers: ['50', 'KX'], pointers: ['B', 'A'] }])
    const form = inputToWorksheet(result.input)
    expect(form.linePointers).toEqual([{ code: '64493', modifiers: ['50', 'KX'], diagnoses: ['M54.50', 'M47.816'] }])
    expect(worksheetToInput(form, chosen.history, '2026-11-26').input).toEqual(chosen)
  })

  it('writes no pointer choices for an encounter without any, as files did before', () => {
    expect(encounterToJson(example)).not.toContain('linePointers')
  })

  it('accepts a file written by hand without schemaVersion, with a byte-order mark and CRLF', () => {
    const rest: Partial<typeof example> = { ...example }
    delete rest.schemaVersion
    const text = `\uFEFF${JSON.stringify(rest, null, 2).replace(/\n/g, '\r\n')}`
    expect(parseEncounterFile(text)).toEqual({ ok: true, input: example })
  })

  it('refuses an empty file', () => {
    expect(refusal('')).toEqual({ ok: false, message: 'The file is empty.', issues: [] })
    expect(refusal(' \r\n\t ').message).toBe('The file is empty.')
    expect(refusal('\uFEFF').message).toBe('The file is empty.')
  })

  it('says where a file that is not JSON goes wrong, by line and column', () => {
    const text = '{\n  "schemaVersion": 1,\n  "encounter": { "patientId": "PT-1" \n}'
    expect(refusal(text)).toEqual({
      ok: false,
      message: "The file is not valid JSON: at line 4, column 2, expected ',' or '}' but found the end of the file.",
      issues: [],
    })
    expect(refusal('{"a": 1,}').message).toBe(
      "The file is not valid JSON: at line 1, column 9, expected a property name in double quotes but found '}'.",
    )
    expect(refusal('patient,code\nPT-1,64493').message).toMatch(/^The file is not valid JSON: at line 1, column 1, expected a value/)
  })

  it('refuses a list of several encounters, saying how many it holds', () => {
    const text = JSON.stringify([example, example, example])
    expect(refusal(text)).toEqual({
      ok: false,
      message: 'This file holds 3 encounters; the worksheet imports one at a time. Save each encounter in its own file.',
      issues: [],
    })
  })

  it('accepts a list that holds exactly one encounter', () => {
    expect(parseEncounterFile(JSON.stringify([example]))).toEqual({ ok: true, input: example })
  })

  it('refuses an empty list', () => {
    expect(refusal('[]').message).toBe('The file holds an empty list: there is no encounter to import.')
  })

  it.each([
    ['42', 'a number'],
    ['"PT-1001"', 'a text string'],
    ['null', 'null'],
    ['true', 'the value true'],
  ])('refuses JSON that is not an object (%s)', (text, what) => {
    expect(refusal(text).message).toBe(`The file holds ${what}, not an encounter.`)
  })

  it('lists every field problem of a wrong shape under its path', () => {
    const bad = structuredClone(example) as unknown as { encounter: Record<string, unknown> }
    bad.encounter.dateOfService = '14/10/2026'
    delete bad.encounter.patientId
    const result = refusal(JSON.stringify(bad))
    expect(result.message).toBe('The file is JSON but not a worksheet encounter: 2 fields need fixing.')
    expect(result.issues).toEqual([
      { path: 'encounter.dateOfService', message: 'Use a real date written YYYY-MM-DD' },
      { path: 'encounter.patientId', message: expect.any(String) as string },
    ])
  })

  it('names the root when the object is not an encounter at all', () => {
    const result = refusal('{"hello": "world"}')
    expect(result.message).toBe('The file is JSON but not a worksheet encounter: 1 field needs fixing.')
    expect(result.issues.map((i) => i.path)).toEqual(['encounter'])
  })

  it('says a file from a newer version of the worksheet was made by a newer version', () => {
    const result = refusal(JSON.stringify({ ...example, schemaVersion: SCHEMA_VERSION + 1 }))
    expect(result.message).toBe(
      `This file was made by a newer version of the worksheet (file format ${SCHEMA_VERSION + 1}; this version reads format ${SCHEMA_VERSION}). Reload the worksheet while online to update it, then import the file again.`,
    )
    expect(result.issues).toEqual([])
  })

  it('treats an older or nonsense schemaVersion as a field problem', () => {
    expect(refusal(JSON.stringify({ ...example, schemaVersion: 0 })).issues.map((i) => i.path)).toEqual(['schemaVersion'])
    expect(refusal(JSON.stringify({ ...example, schemaVersion: '1' })).issues.map((i) => i.path)).toEqual(['schemaVersion'])
  })

  it('refuses a file over 5 MB before parsing it', () => {
    // Not JSON at all: a parse would say so, so the size message proves nothing was parsed.
    const huge = 'x'.repeat(MAX_ENCOUNTER_FILE_BYTES + 1)
    expect(refusal(huge).message).toBe(
      'The file is 5.0 MB; the worksheet imports files up to 5 MB. One encounter is a few kilobytes: check that this is an encounter file.',
    )
  })

  it('counts the limit in UTF-8 bytes, not characters', () => {
    // 2 million three-byte characters: 6 MB on disk though only 2 million UTF-16 units.
    const wide = '€'.repeat(2_000_000)
    expect(refusal(wide).message).toMatch(/^The file is 5\.7 MB;/)
    // Just under the limit in bytes: parsed (and refused only as not JSON).
    const under = '€'.repeat(Math.floor(MAX_ENCOUNTER_FILE_BYTES / 3))
    expect(refusal(under).message).toMatch(/^The file is not valid JSON/)
  })
})

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\uD800', 3],
  ])('counts %j as %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes)
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length)
  })
})

describe('readEncounterFile', () => {
  it('reads a picked file', async () => {
    const file = new Blob([encounterToJson(example)], { type: 'application/json' })
    expect(await readEncounterFile(file)).toEqual({ ok: true, input: example })
  })

  it('refuses a file over the limit by its size, without reading it', async () => {
    const file = new Blob([new Uint8Array(MAX_ENCOUNTER_FILE_BYTES + 1)])
    Object.defineProperty(file, 'text', { value: () => Promise.reject(new Error('read')) })
    const result = await readEncounterFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/^The file is 5\.0 MB;/)
  })
})
