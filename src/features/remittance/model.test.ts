import { describe, expect, it } from 'vitest'
import { DENIAL_CATEGORIES, DENIAL_CATEGORY_LABELS, matchRemittance, type EncounterForMatching } from '../../domain/remittance/index.ts'
import { build835 } from '../../domain/remittance/testing/build-835.ts'
import { parseFixture, parseOk } from '../../domain/remittance/testing/fixtures.ts'
import {
  buildImportRecord,
  CONTROL_NUMBER_OPTIONS,
  DEFAULT_CONTROL_NUMBER,
  deniedCodeLabel,
  formatCents,
  matchedLineLabel,
  megabytes,
  reasonCodesOf,
  paymentKeyOf,
  repeatedPayments,
  summarize,
} from './model.ts'

const facetEncounter: EncounterForMatching = {
  id: 'ENC-2026-0002', patientId: 'PT-7', dateOfService: '2026-11-04', providerId: 'DR-P', payerProfile: 'medicare',
  lines: [
    { code: '64493', modifiers: ['50'], units: 1 },
    { code: '64494', modifiers: [], units: 1 },
    { code: '20553', modifiers: [], units: 1 },
  ],
}

describe('money and labels', () => {
  it('writes cents as US dollars', () => {
    expect([formatCents(48608), formatCents(-1250), formatCents(0), formatCents(123456789)]).toEqual(['$486.08', '-$12.50', '$0.00', '$1,234,567.89'])
  })

  it('names every denial category in plain words, and offers the three claim-number choices, encounter-or-patient first', () => {
    expect(Object.keys(DENIAL_CATEGORY_LABELS).sort()).toEqual([...DENIAL_CATEGORIES].sort())
    expect(new Set(Object.values(DENIAL_CATEGORY_LABELS)).size).toBe(DENIAL_CATEGORIES.length)
    expect(CONTROL_NUMBER_OPTIONS.map((o) => o.value)).toEqual(['encounter-id-or-patient-id', 'encounter-id', 'patient-id'])
    expect(DEFAULT_CONTROL_NUMBER).toBe('encounter-id-or-patient-id')
  })

  it('says the size limit in megabytes', () => {
    expect(megabytes(20_000_000)).toBe('20 MB')
  })

  it('shows a denied line\'s code with its modifiers, and a claim-level denial as the whole claim', () => {
    expect(deniedCodeLabel({ code: '64493', modifiers: ['50', 'KX'] })).toBe('64493 50 KX')
    expect(deniedCodeLabel({ code: null, modifiers: [] })).toBe('Whole claim')
  })

  it('lists reason codes with their group, each once', () => {
    const adjustment = (group: 'CO' | 'OA', carc: string) => ({ group, carc, amount: 100, category: 'coverage' as const, reason: '' })
    expect(reasonCodesOf({ adjustments: [adjustment('CO', '50'), adjustment('OA', '50'), adjustment('CO', '50')], carcCodes: ['50'] }))
      .toEqual([{ code: '50', label: 'CO-50' }, { code: '50', label: 'OA-50' }])
    expect(reasonCodesOf({ adjustments: [], carcCodes: ['B15'] })).toEqual([{ code: 'B15', label: 'B15' }])
  })
})

describe('the payment identity', () => {
  it('is payer id, check or EFT number and date; the payer name stands in when the file has no payer id', () => {
    expect(paymentKeyOf({ payerId: '03102', payerName: 'MEDICARE JF PART B', checkOrEftNumber: 'EFT1', paymentDate: '2026-11-21' })).toBe('03102|EFT1|2026-11-21')
    expect(paymentKeyOf({ payerName: 'MEDICARE JF PART B', checkOrEftNumber: 'EFT1', paymentDate: '2026-11-21' })).toBe('MEDICARE JF PART B|EFT1|2026-11-21')
  })

  it('finds a payment written twice in one file', () => {
    const once = build835({ payerName: 'ACME HEALTH', paymentDate: '2026-11-20', checkNumber: 'CHK100', claims: [] })
    const [payment] = parseOk(once)
    if (!payment) throw new Error('fixture')
    expect(repeatedPayments([payment])).toEqual([])
    expect(repeatedPayments([payment, { ...payment }])).toEqual(['The payment from ACME HEALTH (check/EFT CHK100, dated 2026-11-20) appears twice in the file.'])
  })
})

describe('the stored record of an import', () => {
  it('keeps the payments, the match counts and each denied line with the encounter line it belongs to', () => {
    const remittances = parseFixture('partial-denial.835')
    const match = matchRemittance(remittances, [facetEncounter])
    const record = buildImportRecord({
      id: 'r-1', fileName: 'era.835', importedAt: '2026-11-26T12:00:00.000Z', user: { id: 'u-1', name: 'Casey Coder' }, remittances, match,
    })
    expect(record).toMatchObject({
      id: 'r-1', fileName: 'era.835', userId: 'u-1', userName: 'Casey Coder',
      paymentKeys: ['MEDICARE JF PART B|EFT20261121A|2026-11-21'],
      payments: [{ payerName: 'MEDICARE JF PART B', payerId: null, paymentDate: '2026-11-21', checkOrEftNumber: 'EFT20261121A', amount: 48608, claims: 1 }],
      claims: 1, matchedClaims: 1, unmatchedClaims: [], unmatchedLines: [],
    })
    expect(record.denials.map((d) => [d.code, d.category, d.amount, d.lineIndex, d.encounterId])).toEqual([
      ['64494', 'modifier', 60000, 1, 'ENC-2026-0002'],
      ['20553', 'coverage', 27500, 2, 'ENC-2026-0002'],
    ])
    const byId = new Map([[facetEncounter.id, facetEncounter]])
    expect(record.denials.map((d) => matchedLineLabel(d, byId))).toEqual(['ENC-2026-0002, line 2 (64494)', 'ENC-2026-0002, line 3 (20553)'])
    expect(summarize(record)).toBe('1 payment, 1 claim (1 matched to encounters), 2 denied lines')
  })

  it('counts a claim that matched no encounter as not matched, with no user when none was chosen', () => {
    const remittances = parseFixture('partial-denial.835')
    const match = matchRemittance(remittances, [])
    const record = buildImportRecord({ id: 'r-2', fileName: 'era.835', importedAt: '2026-11-26T12:00:00.000Z', user: null, remittances, match })
    expect([record.userId, record.userName, record.matchedClaims, record.unmatchedClaims.length]).toEqual([null, '', 0, 1])
    expect(record.denials.every((d) => matchedLineLabel(d, new Map()) === null)).toBe(true)
  })
})
