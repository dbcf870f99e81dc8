import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromDayNumber, toDayNumber } from '../dates.ts'
import { parseRemittanceFile } from './parse-835.ts'
import { build835, type BuildClaim, type BuildLine, type BuildSeparators, type BuildSpec } from './testing/build-835.ts'
import { ADJUSTMENT_GROUPS, CLAIM_STATUSES, type Adjustment, type Remittance } from './types.ts'

/**
 * Properties of the 835 parser over generated files: what build835 writes, the parser
 * reads back, whatever separators the ISA declares. A failing run prints its seed and path
 * for `fc.assert(prop, { seed, path })`.
 */

const FIRST_DAY = toDayNumber('2024-01-01')
const dateArb = fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 1_000 }).map(fromDayNumber)
const amountArb = fc.integer({ min: -500_000, max: 5_000_000 })
const idArb = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,19}$/)

const adjustmentArb: fc.Arbitrary<Adjustment> = fc.record(
  {
    group: fc.constantFrom(...ADJUSTMENT_GROUPS),
    reason: fc.constantFrom('1', '2', '4', '16', '45', '50', '97', '119', '197', '253', 'B15'),
    amount: amountArb,
    quantity: fc.integer({ min: 1, max: 9 }),
  },
  { requiredKeys: ['group', 'reason', 'amount'] },
)

const lineArb: fc.Arbitrary<BuildLine> = fc.record({
  code: fc.constantFrom('64483', '64484', '64493', '64494', '64495', '20552', '20553', '62323', '64635', '64636', 'J3301', 'J1100'),
  modifiers: fc.uniqueArray(fc.constantFrom('RT', 'LT', '50', '59', 'XS', 'KX', 'GA'), { maxLength: 4 }),
  units: fc.integer({ min: 1, max: 20 }),
  charge: amountArb,
  paid: amountArb,
  date: dateArb,
  adjustments: fc.array(adjustmentArb, { maxLength: 4 }),
  remarks: fc.uniqueArray(fc.constantFrom('N822', 'M127', 'N115', 'M51', 'N290'), { maxLength: 3 }),
})

const claimArb: fc.Arbitrary<BuildClaim> = fc.record({
  patientControlNumber: idArb,
  status: fc.constantFrom(...Object.keys(CLAIM_STATUSES)),
  charge: amountArb,
  paid: amountArb,
  payerClaimNumber: idArb,
  from: dateArb,
  adjustments: fc.array(adjustmentArb, { maxLength: 3 }),
  lines: fc.array(lineArb, { maxLength: 5 }),
})

const specArb: fc.Arbitrary<BuildSpec> = fc.record({
  payerName: fc.constantFrom('MEDICARE JF PART B', 'EVERGREEN HEALTH PLAN', 'ACME PPO'),
  paymentDate: dateArb,
  checkNumber: idArb,
  claims: fc.array(claimArb, { maxLength: 6 }),
})

/** Separators drawn from disjoint sets, so any choice is valid; none occurs in the data. */
const separatorsArb: fc.Arbitrary<BuildSeparators> = fc.record({
  element: fc.constantFrom('*', '|', '!', '\u001d'),
  component: fc.constantFrom(':', '>', '\\', '\u001f'),
  repetition: fc.constantFrom('^', '{', '`'),
  segment: fc.constantFrom('~', "'", '\n', '\u001c'),
  after: fc.constantFrom('', '\n', '\r\n', '  \r\n'),
})

/** The builder writes CAS grouped by group code; compare adjustments as a multiset. */
const sortAdjustments = (list: readonly Adjustment[]): Adjustment[] =>
  [...list].sort((a, b) => `${a.group}${a.reason}${a.amount}${a.quantity}`.localeCompare(`${b.group}${b.reason}${b.amount}${b.quantity}`))

function parsed(text: string): Remittance {
  const result = parseRemittanceFile(text)
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  expect(result.remittances).toHaveLength(1)
  const [remittance] = result.remittances
  if (!remittance) throw new Error('no remittance')
  return remittance
}

describe('parseRemittanceFile properties', () => {
  it('returns exactly the claims and lines that were generated', () => {
    fc.assert(
      fc.property(specArb, separatorsArb, (spec, separators) => {
        const remittance = parsed(build835(spec, separators))
        expect(remittance.payerName).toBe(spec.payerName)
        expect(remittance.paymentDate).toBe(spec.paymentDate)
        expect(remittance.checkOrEftNumber).toBe(spec.checkNumber)
        expect(remittance.claims.map((c) => ({
          patientControlNumber: c.patientControlNumber,
          status: c.statusCode,
          charge: c.charge,
          paid: c.paid,
          payerClaimNumber: c.payerClaimNumber,
          from: c.serviceDates.from,
          adjustments: sortAdjustments(c.adjustments),
          lines: c.lines.map((l) => ({
            code: l.code, modifiers: l.modifiers, units: l.units, charge: l.charge, paid: l.paid, date: l.dateOfService,
            adjustments: sortAdjustments(l.adjustments), remarks: l.remarks,
          })),
        }))).toEqual(spec.claims.map((c) => ({
          ...c,
          adjustments: sortAdjustments(c.adjustments ?? []),
          lines: c.lines.map((l) => ({ ...l, adjustments: sortAdjustments(l.adjustments ?? []) })),
        })))
      }),
      { numRuns: 300 },
    )
  })

  it('reads the same remittance whatever separators the file is written with', () => {
    fc.assert(
      fc.property(specArb, separatorsArb, separatorsArb, (spec, a, b) => {
        expect(parsed(build835(spec, a))).toEqual(parsed(build835(spec, b)))
      }),
      { numRuns: 200 },
    )
  })

  it('rejects, never half-reads, a generated file with one segment cut out of the middle', () => {
    fc.assert(
      fc.property(specArb.filter((s) => s.claims.length > 0), fc.nat(), (spec, pick) => {
        const segments = build835(spec).split('~\n')
        const cut = 3 + (pick % (segments.length - 6))
        const result = parseRemittanceFile([...segments.slice(0, cut), ...segments.slice(cut + 1)].join('~\n'))
        expect(result.ok).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
