import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseTrainingPath, trainingHref, trainingPath, type TrainingView } from './routes.ts'

describe('training addresses', () => {
  it.each([
    ['', { view: 'cases' }],
    ['/', { view: 'cases' }],
    ['/cases', { view: 'cases' }],
    ['/cases/tpi-01', { view: 'case', caseId: 'tpi-01' }],
    ['/rules', { view: 'rules', ruleId: null }],
    ['/rules/FAC-KX', { view: 'rules', ruleId: 'FAC-KX' }],
    ['/progress', { view: 'progress', userId: null }],
    ['/progress/u%201', { view: 'progress', userId: 'u 1' }],
    ['/progress/u1/attempts/a%2F1', { view: 'attempt', userId: 'u1', attemptId: 'a/1' }],
    ['/progress/u1/attempts', { view: 'progress', userId: 'u1' }],
    ['/author', { view: 'author', caseId: null }],
    ['/author/my-case', { view: 'author', caseId: 'my-case' }],
    ['/case-file', { view: 'case-file' }],
    ['/nowhere', { view: 'cases' }],
    ['/cases/%E0%A4%A', { view: 'case', caseId: '%E0%A4%A' }],
  ] as [string, TrainingView][])('reads %s', (path, view) => {
    expect(parseTrainingPath(path)).toEqual(view)
  })

  it('writes hrefs under #/training', () => {
    expect(trainingHref({ view: 'case', caseId: 'a/b' })).toBe('#/training/cases/a%2Fb')
    expect(trainingHref({ view: 'rules', ruleId: null })).toBe('#/training/rules')
  })

  it('reads back every address it writes', () => {
    const id = fc.string({ minLength: 1, maxLength: 20 })
    const view: fc.Arbitrary<TrainingView> = fc.oneof(
      fc.constant({ view: 'cases' as const }),
      fc.constant({ view: 'case-file' as const }),
      id.map((caseId) => ({ view: 'case' as const, caseId })),
      fc.option(id, { nil: null }).map((ruleId) => ({ view: 'rules' as const, ruleId })),
      fc.option(id, { nil: null }).map((userId) => ({ view: 'progress' as const, userId })),
      fc.option(id, { nil: null }).map((caseId) => ({ view: 'author' as const, caseId })),
      fc.tuple(id, id).map(([userId, attemptId]) => ({ view: 'attempt' as const, userId, attemptId })),
    )
    fc.assert(fc.property(view, (v) => { expect(parseTrainingPath(trainingPath(v))).toEqual(v) }))
  })
})
