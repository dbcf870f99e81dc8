import { describe, expect, it } from 'vitest'
import { normalizeDiagnosis } from '../index.ts'

describe('normalizeDiagnosis', () => {
  it('writes an ICD-10-CM code without its dot with the dot after the category', () => {
    expect([normalizeDiagnosis(' m47816 '), normalizeDiagnosis('M47.816'), normalizeDiagnosis('M54')]).toEqual(['M47.816', 'M47.816', 'M54'])
  })

  it('never splits a character outside the Basic Multilingual Plane (the finding quoting it must stay storable text)', () => {
    const typed = '\u{fa90a}\u{628df}\u{93eb0}\u{4d4b9}'
    const normalized = normalizeDiagnosis(typed)
    expect(normalized.isWellFormed()).toBe(true)
    expect(normalized).toBe('\u{fa90a}\u{628df}\u{93eb0}.\u{4d4b9}')
  })
})
