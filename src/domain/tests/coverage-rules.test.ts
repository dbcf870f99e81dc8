import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CoverageArticle, CoverageContext } from '../coverage/index.ts'
import { buildIcd10Index, parseIcd10OrderFile, type Icd10CodeSet } from '../icd10/index.ts'
import { facet, findings, run, transforaminal, tpi } from '../testing/builders.ts'

function codeSet(fiscalYear: number): Icd10CodeSet {
  const text = readFileSync(new URL('../icd10/fixtures/icd10cm-order-2023-excerpt.txt', import.meta.url), 'utf8')
  const parsed = parseIcd10OrderFile(text, { fiscalYear })
  if (!parsed.ok) throw new Error('fixture')
  const { id, effectiveFrom, effectiveTo } = parsed.release
  return { id, fiscalYear, effectiveFrom, effectiveTo, index: buildIcd10Index(parsed.release.codes) }
}
const FY2027 = [codeSet(2027)] // the builders' date of service is 2026-10-14

const ESI: CoverageArticle = {
  articleId: 'A99901', version: 2, title: 'Synthetic ESI article', hcpcsCodes: ['62321', '62323', '64483', '64484'],
  groups: [
    { group: 1, paragraph: 'Stand-alone codes.', codes: ['M48062', 'M5116', 'M5416', 'M5417'] },
    { group: 3, paragraph: 'Must be billed with a secondary code from Group 1.', codes: ['M961'] },
  ],
}
const coverage = (settings: CoverageContext['settings'] = {}): CoverageContext => ({ articles: [ESI], choices: { epidural: ['A99901'] }, settings })
const leftL5 = transforaminal([['L5-S1', 'left']])

describe('diagnosis codes against the code set in force', () => {
  it('rejects a code that is not in the fiscal year\'s code set', () => {
    const [f] = findings(run({ procedures: [leftL5], diagnoses: ['M54.99'] }, [], { codeSets: FY2027 }), 'DX-CODE-SET')
    expect(f?.severity).toBe('error')
    expect(f?.message).toMatch(/M54\.99 is not a code of the FY2027 ICD-10-CM code set, in force on 2026-10-14/)
  })

  it('passes a billable code of the code set', () => {
    expect(findings(run({ procedures: [leftL5], diagnoses: ['M54.16'] }, [], { codeSets: FY2027 }), 'DX-CODE-SET')).toHaveLength(0)
  })

  it('checks nothing against a code set of another fiscal year', () => {
    const r = run({ procedures: [leftL5], diagnoses: ['M54.99'] }, [], { codeSets: [codeSet(2026)] })
    expect(findings(r, 'DX-CODE-SET')).toHaveLength(0)
    expect(findings(r, 'DX-LISTS-NOT-LOADED')[0]?.message).toMatch(/No loaded ICD-10-CM code set covers 2026-10-14/)
  })

  it('refuses a heading with "needs more characters" and offers its billable codes', () => {
    const [f] = findings(run({ procedures: [tpi([['trapezius', 'left', 1]])], diagnoses: ['M79.1'] }, [], { codeSets: FY2027 }), 'DX-HEADER')
    expect(f?.message).toMatch(/M79\.1 \(Myalgia\) is a heading .* it needs more characters/)
    expect(f?.fix).toMatch(/M79\.10 Myalgia, unspecified site; M79\.11 .*M79\.18 Myalgia, other site/)
  })

  it('does not call a billable code a heading', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])], diagnoses: ['M79.18'] }, [], { codeSets: FY2027 }), 'DX-HEADER')).toHaveLength(0)
  })
})

describe("diagnoses against the billing article's covered list", () => {
  it('denies 64483 when no diagnosis is on the article\'s list for it, naming the article', () => {
    const r = run({ procedures: [leftL5], diagnoses: ['M54.50'] }, [], { coverage: coverage() })
    const [f] = findings(r, 'DX-COVERAGE')
    expect(f?.severity).toBe('error')
    expect(f?.message).toMatch(/None of the diagnoses \(M54\.50\) is on article A99901's covered list for 64483/)
    expect(f?.source).toMatch(/article A99901 version 2 .*covered groups 1, 3/)
    expect(f?.lineIndexes).toEqual([0])
  })

  it('passes 64483 with a lumbar radiculopathy on the list, and the inferred-group warning steps aside', () => {
    const r = run({ procedures: [leftL5], diagnoses: ['M54.16'] }, [], { coverage: coverage() })
    expect(findings(r, 'DX-COVERAGE')).toHaveLength(0)
    expect(findings(r, 'DX-SUPPORT')).toHaveLength(0)
    expect(findings(run({ procedures: [leftL5], diagnoses: ['M54.50'] }, [], { coverage: coverage() }), 'DX-SUPPORT')).toHaveLength(0)
  })

  it('asks for the second diagnosis a group needs when the practice set it, and clears once it is added', () => {
    const settings = { A99901: { 3: { requiresGroup: 1, secondaryOnly: false, appliesTo: null } } }
    const [f] = findings(run({ procedures: [leftL5], diagnoses: ['M96.1'] }, [], { coverage: coverage(settings) }), 'DX-COVERAGE')
    expect(f?.message).toMatch(/M96\.1 supports 64483 under article A99901 only with a second diagnosis from group 1/)
    expect(f?.source).toMatch(/group 3 with group 1/)
    expect(findings(run({ procedures: [leftL5], diagnoses: ['M96.1', 'M54.17'] }, [], { coverage: coverage(settings) }), 'DX-COVERAGE')).toHaveLength(0)
  })

  it('leaves families without a picked article and commercial plans alone', () => {
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']])], diagnoses: ['M54.50'] }, [], { coverage: coverage() }), 'DX-COVERAGE')).toHaveLength(0)
    expect(findings(run({ procedures: [leftL5], diagnoses: ['M54.50'], payerProfile: 'commercial-example' }, [], { coverage: coverage() }), 'DX-COVERAGE')).toHaveLength(0)
  })
})

describe('saying what was not loaded', () => {
  it('says the code set and the coverage lists were not loaded', () => {
    const [f] = findings(run({ procedures: [leftL5] }), 'DX-LISTS-NOT-LOADED')
    expect(f?.severity).toBe('info')
    expect(f?.message).toMatch(/^No ICD-10-CM code set is loaded.*; and the coverage lists \(Medicare billing articles\) were not loaded for epidural steroid injection/)
  })

  it('says nothing once both are loaded for the family billed', () => {
    expect(findings(run({ procedures: [leftL5] }, [], { codeSets: FY2027, coverage: coverage() }), 'DX-LISTS-NOT-LOADED')).toHaveLength(0)
  })
})
