import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEvaluationInput, PROCEDURE_TYPES } from '../domain/index.ts'
import { buildInputJsonSchema, INPUT_SCHEMA_ID } from './input-json-schema.ts'

type Schema = Record<string, unknown>

const schema = buildInputJsonSchema()
const example = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../domain/fixtures/issue-example.json'), 'utf8'),
) as { encounter: Record<string, unknown>; history: Record<string, unknown>[] }

const obj = (v: unknown): Schema => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`not a schema object: ${JSON.stringify(v)}`)
  return v as Schema
}
const props = (s: unknown): Schema => obj(obj(s).properties)

/**
 * A deliberately small checker for the keywords this generated schema uses, so the test
 * needs no JSON Schema validator dependency. It returns the paths that fail.
 */
function violations(s: Schema, value: unknown, path = '$'): string[] {
  const out: string[] = []
  const typeOf = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v
  if (s.const !== undefined && value !== s.const) out.push(`${path}: const`)
  if (Array.isArray(s.enum) && !s.enum.includes(value)) out.push(`${path}: enum`)
  if (typeof s.type === 'string') {
    const t = typeOf(value)
    if (!(t === s.type || (s.type === 'number' && t === 'integer'))) return [...out, `${path}: type ${s.type}`]
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = s[key]
    if (Array.isArray(options)) {
      const passing = options.filter((o) => violations(obj(o), value, path).length === 0).length
      if (key === 'anyOf' ? passing === 0 : passing !== 1) out.push(`${path}: ${key} (${passing} match)`)
    }
  }
  if (typeof value === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) out.push(`${path}: pattern`)
    if (typeof s.minLength === 'number' && value.length < s.minLength) out.push(`${path}: minLength`)
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) out.push(`${path}: maxLength`)
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) out.push(`${path}: minimum`)
    if (typeof s.maximum === 'number' && value > s.maximum) out.push(`${path}: maximum`)
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) out.push(`${path}: exclusiveMinimum`)
  }
  if (Array.isArray(value)) {
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) out.push(`${path}: maxItems`)
    if (s.items !== undefined) value.forEach((v, i) => out.push(...violations(obj(s.items), v, `${path}[${i}]`)))
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in record)) out.push(`${path}.${key}: required`)
    const properties = (s.properties as Schema | undefined) ?? {}
    for (const [key, v] of Object.entries(record)) {
      if (key in properties) out.push(...violations(obj(properties[key]), v, `${path}.${key}`))
      else if (s.additionalProperties === false) out.push(`${path}.${key}: additional`)
      else if (typeof s.additionalProperties === 'object') out.push(...violations(obj(s.additionalProperties), v, `${path}.${key}`))
    }
  }
  return out
}

describe('input JSON Schema', () => {
  it('is a 2020-12 schema with an id, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toBe(INPUT_SCHEMA_ID)
    expect(typeof schema.title).toBe('string')
    expect(typeof schema.description).toBe('string')
    expect(schema.type).toBe('object')
  })

  it('describes the input shape: encounter required, defaulted fields optional', () => {
    expect(Object.keys(props(schema))).toEqual(['schemaVersion', 'encounter', 'history'])
    expect(schema.required).toEqual(['encounter'])
    const encounter = obj(props(schema).encounter)
    expect(encounter.required).toEqual([
      'dateOfService', 'patientId', 'providerId', 'placeOfService', 'claimType', 'payerProfile', 'diagnoses', 'procedures',
    ])
    expect(Object.keys(props(encounter))).toEqual(expect.arrayContaining(['drugs', 'otherLines', 'documentation', 'priorAuthorization']))
    // Every key the fixture writes is a property of the schema.
    for (const key of Object.keys(example.encounter)) expect(props(encounter)).toHaveProperty(key)
    const procedures = obj(obj(props(encounter).procedures).items)
    const types = (procedures.oneOf as Schema[]).map((o) => obj(props(o).type).const)
    expect(types).toEqual([...PROCEDURE_TYPES])
  })

  it('carries the date rule zod cannot express, on both dates', () => {
    const dates = [obj(props(props(schema).encounter).dateOfService), obj(props(obj(obj(props(schema).history).items)).dateOfService)]
    for (const d of dates) expect(d).toMatchObject({ type: 'string', format: 'date' })
    expect(JSON.stringify(schema).match(/"format":"date"/g)).toHaveLength(2)
  })

  it('accepts the issue example, as the parser does', () => {
    expect(parseEvaluationInput(example).ok).toBe(true)
    expect(violations(schema, example)).toEqual([])
  })

  it('accepts what the parser normalises (lower-case, padded codes) and refuses what it refuses', () => {
    const lenient = {
      ...example,
      encounter: { ...example.encounter, otherLines: [{ code: ' 77003 ', modifiers: ['rt'] }] },
      history: [{ dateOfService: '2026-03-02', code: '64483' }],
    }
    expect(parseEvaluationInput(lenient).ok).toBe(true)
    expect(violations(schema, lenient)).toEqual([])

    const cases: [string, unknown][] = [
      ['missing encounter', { history: [] }],
      ['blank patient', { ...example, encounter: { ...example.encounter, patientId: '   ' } }],
      ['bad place of service', { ...example, encounter: { ...example.encounter, placeOfService: '99' } }],
      ['bad code', { ...example, encounter: { ...example.encounter, otherLines: [{ code: '7700' }] } }],
      ['bad date', { ...example, encounter: { ...example.encounter, dateOfService: '14/10/2026' } }],
      ['unknown procedure', { ...example, encounter: { ...example.encounter, procedures: [{ type: 'knee' }] } }],
      ['schema version 2', { ...example, schemaVersion: 2 }],
    ]
    for (const [name, data] of cases) {
      expect(parseEvaluationInput(data).ok, name).toBe(false)
      expect(violations(schema, data).length, name).toBeGreaterThan(0)
    }
  })
})
