import { describe, expect, it } from 'vitest'
import { checkRules } from '../../../domain/index.ts'
import { answerToAttempt, filterRisks, lineProblems, riskGroups, splitModifiers, type AnswerLineValues } from './answer-values.ts'

const line = (code: string, modifiers = '', units = '1'): AnswerLineValues => ({ key: 'k', code, modifiers, units })

describe('a typed claim line', () => {
  it.each([
    ['20552', '', '1'], ['j3301', '', '2'], ['64493', '50', '1'], ['64635', 'rt, kx', '1'], ['0213T', 'LT', '1'],
  ])('accepts %s %s × %s', (code, modifiers, units) => {
    expect(lineProblems(line(code, modifiers, units))).toEqual({})
  })

  it('skips a blank row instead of calling it wrong', () => {
    expect(lineProblems(line('', '', ''))).toEqual({})
  })

  it.each([
    ['2055', '', '1', 'code'], ['205521', '', '1', 'code'], ['20552', 'R', '1', 'modifiers'], ['20552', 'RT LT 50 KX 59', '1', 'modifiers'],
    ['20552', '', '0', 'units'], ['20552', '', '1.5', 'units'], ['20552', '', '', 'units'], ['', '50', '1', 'code'],
  ])('refuses %s %s × %s (%s)', (code, modifiers, units, field) => {
    expect(Object.keys(lineProblems(line(code, modifiers, units)))).toEqual([field])
  })

  it('splits modifiers on commas, spaces and semicolons, upper-case', () => {
    expect(splitModifiers(' rt, kx;59  ')).toEqual(['RT', 'KX', '59'])
    expect(splitModifiers('')).toEqual([])
  })

  it('makes the attempt from the lines with a code and the ticked rules once each', () => {
    expect(answerToAttempt({ lines: [line(' 64493 ', '50', '1'), line('', '', '1')], flagged: ['FAC-KX', 'FAC-KX'] })).toEqual({
      lines: [{ code: '64493', modifiers: ['50'], units: 1 }],
      flaggedRuleIds: ['FAC-KX'],
    })
  })
})

describe('the risks a trainee can flag', () => {
  const offered = riskGroups.flatMap((g) => g.risks.map((r) => r.ruleId))

  it('are every check that reports an error or a warning, each once', () => {
    const expected = checkRules.filter((r) => r.severity !== 'info').map((r) => r.id)
    expect([...offered].sort()).toEqual([...expected].sort())
    expect(new Set(offered).size).toBe(offered.length)
  })

  it('leave out info-only checks', () => {
    const info = checkRules.find((r) => r.severity === 'info')
    expect(info).toBeDefined()
    expect(offered).not.toContain(info!.id)
  })

  it('filter by words of the title or the rule id, keeping only groups with a match', () => {
    const byId = filterRisks(riskGroups, 'img-bundled')
    expect(byId.flatMap((g) => g.risks.map((r) => r.ruleId))).toEqual(['IMG-BUNDLED'])
    expect(filterRisks(riskGroups, '  ')).toEqual(riskGroups)
    expect(filterRisks(riskGroups, 'zzzz-no-such-rule')).toEqual([])
  })
})
