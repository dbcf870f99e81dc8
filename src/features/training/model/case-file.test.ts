import { describe, expect, it } from 'vitest'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import type { PracticeCase } from '../../../domain/training/types.ts'
import { CASE_FILE_FORMAT, casesToJson, MAX_CASE_FILE_CHARS, parseCaseFile } from './case-file.ts'

const sample = practiceCases.slice(0, 3)
const file = (cases: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: CASE_FILE_FORMAT, formatVersion: 1, exportedAt: '2026-11-26T10:00:00.000Z', cases, ...extra })
const problemsOf = (text: string): string[] => {
  const result = parseCaseFile(text)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.problems
}

describe('practice case files', () => {
  it('round-trips every shipped case, with no stale answer key', () => {
    const result = parseCaseFile(casesToJson(practiceCases, '2026-11-26T10:00:00.000Z'))
    expect(result.ok && result.cases).toEqual(practiceCases)
    expect(result.ok && result.staleKeys).toEqual([])
  })

  it('reports a stored answer key that differs from what the rule module returns today, with the module answer', () => {
    const [first] = sample
    if (!first) throw new Error('no shipped case')
    const edited: PracticeCase = { ...first, answerKey: { lines: [], findings: [] } }
    const result = parseCaseFile(file([edited]))
    expect(result.ok && result.staleKeys.map((s) => s.id)).toEqual([first.id])
    expect(result.ok && result.staleKeys[0]?.key).toEqual(first.answerKey)
  })

  it.each([
    ['an empty file', '', 'The file is empty'],
    ['text that is not JSON', '{"format": ', /^Invalid JSON at line 1, column/],
    ['another app\'s JSON', '{"cases": []}', /not a practice case file/],
    ['a newer format', file(sample, { formatVersion: 2 }), /newer version of the app/],
    ['a file without cases', file([]), 'The file holds no cases'],
  ])('refuses %s with a plain reason', (_name, text, expected) => {
    const problems = problemsOf(text)
    expect(problems).toHaveLength(1)
    if (typeof expected === 'string') expect(problems[0]).toBe(expected)
    else expect(problems[0]).toMatch(expected)
  })

  it('refuses a file larger than the limit before reading it', () => {
    expect(problemsOf(' '.repeat(MAX_CASE_FILE_CHARS + 1))[0]).toMatch(/larger than/)
  })

  it('names every bad field by case and field, and takes none of the cases', () => {
    const [a, b] = sample
    if (!a || !b) throw new Error('no shipped case')
    const bad = { ...b, id: 'Bad Id', level: 'expert', families: [], ruleIds: ['NOT-A-RULE'], note: 'short', today: '26/11/2026', input: { encounter: { ...b.input.encounter, placeOfService: '99' } } }
    const problems = problemsOf(file([a, bad, { ...a }]))
    expect(problems).toEqual(expect.arrayContaining([
      'Case 2 (Bad Id): id must be 1 to 40 lower-case letters, digits or hyphens',
      'Case 2 (Bad Id): level must be one of new, intermediate, advanced',
      expect.stringMatching(/^Case 2 \(Bad Id\): families must list at least one of/),
      'Case 2 (Bad Id): ruleIds: NOT-A-RULE is not a rule of the rule module',
      'Case 2 (Bad Id): note must be a procedure note of at least 80 characters',
      'Case 2 (Bad Id): today must be a date as YYYY-MM-DD',
      expect.stringMatching(/^Case 2 \(Bad Id\): input\.encounter\.placeOfService: /),
      `Case 3 (${a.id}): id is already used by case 1`,
    ]))
  })

  it('checks the answer key shape', () => {
    const [a] = sample
    if (!a) throw new Error('no shipped case')
    const problems = problemsOf(file([{ ...a, answerKey: { lines: [{ code: '64493', modifiers: 'RT', units: 0 }], findings: [{ ruleId: 'FAC-KX', severity: 'fatal' }] } }]))
    expect(problems).toEqual([
      `Case 1 (${a.id}): answerKey line 1 needs a code, a list of modifiers and whole units of 1 or more`,
      `Case 1 (${a.id}): answerKey finding 1 needs a rule id and a severity (error, warning or info)`,
    ])
  })
})
