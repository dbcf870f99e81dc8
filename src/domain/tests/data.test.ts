import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeCatalog } from '../data/codes.ts'
import { documentationChecklist } from '../data/documentation.ts'
import { drugCatalog } from '../data/drugs.ts'
import { builtInPayerProfiles } from '../data/payer-profiles.ts'
import { payerProfileSchema } from '../payer-profile.ts'
import { allRules } from '../rules/registry.ts'
import { CATEGORIES, SEVERITIES } from '../types.ts'
import { facet, findings, interlaminar, rfa, run, tpi, transforaminal } from '../testing/builders.ts'
import { rationaleOf, ruleRationales } from '../rules/rationales.ts'

describe('static data', () => {
  it.each(builtInPayerProfiles.map((p) => [p.id, p] as const))('payer profile %s is valid', (_id, profile) => {
    expect(payerProfileSchema.safeParse(profile).success).toBe(true)
  })

  it('rejects a custom profile that bills ASC facility bilaterals with 50', () => {
    const [medicare] = builtInPayerProfiles
    const bad = { ...medicare, id: 'custom', bilateral: { ...medicare?.bilateral, ascFacility: { format: 'modifier-50', verified: true, source: 'x source' } } }
    expect(payerProfileSchema.safeParse(bad).success).toBe(false)
  })

  it('rejects a frequency limit of zero with a plain message', () => {
    const [medicare] = builtInPayerProfiles
    const first = medicare?.frequencyLimits[0]
    const bad = { ...medicare, frequencyLimits: [{ ...first, limit: 0 }] }
    const result = payerProfileSchema.safeParse(bad)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/at least 1 session/)
  })

  it('every add-on code names primaries that are in the catalog', () => {
    for (const info of codeCatalog.values()) {
      if (info.kind !== 'add-on') continue
      expect(info.primaries?.length, info.code).toBeGreaterThan(0)
      for (const p of info.primaries ?? []) expect(codeCatalog.get(p)?.kind, `${info.code} -> ${p}`).toBe('primary')
    }
  })

  it('no label reads like an AMA descriptor: every label is short and our own', () => {
    for (const info of codeCatalog.values()) expect(info.label.length, info.code).toBeLessThan(110)
  })

  it('every drug has a positive unit size or a narrative/profile unit, and a deleted code names its replacement', () => {
    for (const d of drugCatalog.values()) {
      if (d.unit.kind === 'mg' || d.unit.kind === 'mL') expect(d.unit.size, d.code).toBeGreaterThan(0)
      if (d.effectiveTo) expect(drugCatalog.has(d.replacedBy ?? ''), d.code).toBe(true)
    }
  })
})

describe('rule registry', () => {
  it('has unique rule ids', () => {
    const ids = allRules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives every rule a severity, a category, a source and a rationale', () => {
    for (const r of allRules) {
      expect(SEVERITIES, r.id).toContain(r.severity)
      expect(CATEGORIES, r.id).toContain(r.category)
      expect(r.sources === 'payer-profile' || r.sources === 'ncci-table' || r.sources.length > 0, r.id).toBe(true)
      expect(rationaleOf(r.id).length, r.id).toBeGreaterThan(20)
    }
  })

  it('keeps a rationale for exactly the rules of the registry', () => {
    expect(Object.keys(ruleRationales).sort()).toEqual(allRules.map((r) => r.id).sort())
    expect(rationaleOf('NO-SUCH-RULE')).toBe('')
  })

  it('every check rule id is exercised by a rule test (fires and near miss live beside it)', () => {
    const dir = join(import.meta.dirname)
    const text = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n')
    const untested = allRules.filter((r) => r.kind === 'check' && !r.id.startsWith('DOC-') && !text.includes(`'${r.id}'`)).map((r) => r.id)
    expect(untested).toEqual([])
  })

  it('every coding rule named on a line exists in the registry', () => {
    const r = run({
      procedures: [tpi([['a', 'left', 1]]), facet([['L4-L5', 'bilateral']]), rfa([['C5-C6', 'left']]), transforaminal([['T12-L1', 'left']]), interlaminar([['L4-L5', null]])],
      drugs: [{ code: 'J3490', name: 'x', dose: 1, unit: 'mL', category: 'other' }],
      otherLines: [{ code: '99213', modifiers: ['25'], units: 1 }],
    })
    const ids = new Set(allRules.map((x) => x.id))
    for (const line of r.lines) for (const id of line.ruleIds) expect(ids, id).toContain(id)
  })
})

describe('documentation checklist rules', () => {
  const procedureFor = {
    'trigger-point': tpi([['trapezius', 'left', 1]]),
    'facet-injection': facet([['L4-L5', 'left']], 'therapeutic'),
    'facet-rfa': rfa([['L4-L5', 'left']]),
    epidural: transforaminal([['L4-L5', 'left']]),
  } as const

  it.each(documentationChecklist.map((item) => [item.id, item] as const))('%s fires when unticked and not when ticked', (id, item) => {
    const ruleId = `DOC-${id.toUpperCase()}`
    expect(findings(run({ procedures: [procedureFor[item.family]] }), ruleId)).toHaveLength(1)
    expect(findings(run({ procedures: [procedureFor[item.family]], documentation: { [id]: true } }), ruleId)).toHaveLength(0)
  })
})
