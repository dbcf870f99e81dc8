import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../domain/index.ts'
import { facet, run, transforaminal } from '../../../domain/testing/builders.ts'
import { describeCounter, describeCounterUse, describeLine, formatFactValue, groupFindings, summarizeResult } from './summarize.ts'

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'X', severity: 'warning', category: 'documentation', message: 'm', fix: 'f', source: 's',
  effectiveFrom: null, effectiveTo: null, trace: [], ...over,
})

describe('result summaries', () => {
  it('counts documentation items as warnings but lists them apart', () => {
    const groups = groupFindings([finding({ ruleId: 'DOC-A' }), finding({ ruleId: 'W' }), finding({ ruleId: 'E', severity: 'error' }), finding({ ruleId: 'I', severity: 'info' })])
    expect(groups.counts).toEqual({ error: 1, warning: 2, info: 1 })
    expect(groups.warning.map((k) => k.finding.ruleId)).toEqual(['W'])
    expect(groups.documentation.map((k) => k.finding.ruleId)).toEqual(['DOC-A'])
  })

  it('gives identical findings distinct keys', () => {
    const groups = groupFindings([finding({ ruleId: 'NCCI' }), finding({ ruleId: 'NCCI' })])
    const keys = groups.warning.map((k) => k.key)
    expect(new Set(keys).size).toBe(2)
  })

  it('writes the summary line with singulars and plurals', () => {
    expect(summarizeResult({ lines: [] }, { error: 1, warning: 0, info: 3 })).toBe('0 lines · 1 error · 0 warnings')
  })

  it('writes lines as code-modifiers ×units and trace values in words', () => {
    expect(describeLine({ code: '64493', modifiers: ['50', 'KX'], units: 1 })).toBe('64493-50-KX ×1')
    expect(describeLine({ code: 'J3301', modifiers: [], units: 4 })).toBe('J3301 ×4')
    expect([null, true, false, 3, 'L4-L5'].map(formatFactValue)).toEqual(['not recorded', 'yes', 'no', '3', 'L4-L5'])
  })

  it('names a counter by family, region and purpose, with its use in the rolling window', () => {
    const counters = run({ procedures: [facet([['L4-L5', 'left']]), transforaminal([['L5-S1', 'right']])] }).counters
    const titles = counters.map(describeCounter)
    expect(titles).toContain('Facet joint injection · lumbar/sacral · diagnostic')
    expect(titles).toContain('Epidural steroid injection · all regions')
    const facetCounter = counters.find((c) => c.family === 'facet-injection')
    expect(facetCounter && describeCounterUse(facetCounter)).toBe('1 / 4 in a rolling 12 months')
  })
})
