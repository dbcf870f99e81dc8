import { describe, expect, it } from 'vitest'
import { matchRemittance, type EncounterForMatching } from './match.ts'
import { build835, type BuildClaim } from './testing/build-835.ts'
import { parseFixture, parseOk } from './testing/fixtures.ts'

const line = (code: string, modifiers: string[] = [], units = 1) => ({ code, modifiers, units })
const encounter = (id: string, patientId: string, dateOfService: string, lines: EncounterForMatching['lines'], payerProfile = 'medicare'): EncounterForMatching =>
  ({ id, patientId, dateOfService, providerId: 'PRV-PATEL', payerProfile, lines })

const ledger: EncounterForMatching[] = [
  encounter('ENC-2026-0001', 'PT-10001', '2026-11-03', [line('64483', ['RT']), line('64484', ['RT']), line('J3301', [], 4)]),
  encounter('ENC-2026-0002', 'PT-10002', '2026-11-04', [line('64493', ['50']), line('64494'), line('20553')]),
  encounter('ENC-2026-0003', 'PT-10003', '2026-11-05', [line('64635', ['RT']), line('64636', ['RT'])], 'evicore-commercial'),
  encounter('ENC-2026-0004', 'PT-10004', '2026-11-06', [line('62323'), line('J1100', [], 10)], 'evicore-commercial'),
  encounter('ENC-2026-0005', 'PT-10005', '2026-11-07', [line('64483', ['LT'])], 'evicore-commercial'),
  encounter('ENC-2026-0006', 'PT-10006', '2026-11-10', [line('20552'), line('64483', ['RT'])]),
  encounter('ENC-2026-0007', 'PT-10001', '2026-11-12', [line('64493', ['50']), line('77003')]),
  encounter('ENC-2026-0010', 'PT-10001', '2026-11-13', [line('20552')]),
  encounter('ENC-2026-0011', 'PT-10002', '2026-11-14', [line('62323')]),
  encounter('ENC-2026-0013', 'PT-88213', '2026-11-17', [line('64636', ['LT']), line('64635', ['LT'])]),
  encounter('ENC-2026-0012', 'PT-10003', '2026-11-19', [line('64493', ['RT']), line('J3301', [], 4)], 'evicore-commercial'),
]

const pick = (d: { encounterId: string | null; lineIndex: number | null; code: string | null; category: string; amount: number; full: boolean }) =>
  [d.encounterId, d.lineIndex, d.code, d.category, d.amount, d.full]

describe('matchRemittance', () => {
  it('finds no denial on a paid claim: CO-45, CO-253 and PR-2 are not denials; every line matches exactly', () => {
    const result = matchRemittance(parseFixture('paid.835'), ledger)
    expect(result.denials).toEqual([])
    expect(result.claims[0]).toMatchObject({ encounterId: 'ENC-2026-0001', method: 'encounter-id' })
    expect(result.claims[0]?.lines.map((l) => [l.lineIndex, l.quality])).toEqual([[0, 'exact'], [1, 'exact'], [2, 'exact']])
    expect(result.unmatchedClaims).toEqual([])
    expect(result.unmatchedLines).toEqual([])
  })

  it('lists the two denied lines of a partially denied claim, ready for charts', () => {
    const { denials } = matchRemittance(parseFixture('partial-denial.835'), ledger)
    expect(denials.map(pick)).toEqual([
      ['ENC-2026-0002', 1, '64494', 'modifier', 60000, true],
      ['ENC-2026-0002', 2, '20553', 'coverage', 27500, true],
    ])
    expect(denials[0]).toMatchObject({
      modifiers: [],
      units: 1,
      dateOfService: '2026-11-04',
      carcCodes: ['4'],
      rarcCodes: ['N822'],
      payerName: 'MEDICARE JF PART B',
      paymentDate: '2026-11-21',
      providerId: 'PRV-PATEL',
      payerProfile: 'medicare',
      payerClaimNumber: '26320123456781',
      reason: 'CO-4: Procedure code inconsistent with the modifier used, or a required modifier is missing; N822: Missing procedure modifier(s)',
    })
  })

  it('charts a CO-119 RFA denial as frequency', () => {
    const { denials } = matchRemittance(parseFixture('frequency-denial.835'), ledger)
    expect(denials.map(pick)).toEqual([
      ['ENC-2026-0003', 0, '64635', 'frequency', 180000, true],
      ['ENC-2026-0003', 1, '64636', 'frequency', 70000, true],
    ])
    expect(denials[0]?.payerProfile).toBe('evicore-commercial')
  })

  it('charts CO-197 and CO-15 (with M62) as prior authorization', () => {
    const { denials } = matchRemittance(parseFixture('prior-auth-denial.835'), ledger)
    expect(denials.map(pick)).toEqual([
      ['ENC-2026-0004', 0, '62323', 'prior-authorization', 140000, true],
      ['ENC-2026-0004', 1, 'J1100', 'prior-authorization', 5000, true],
      ['ENC-2026-0005', 0, '64483', 'prior-authorization', 85000, true],
    ])
  })

  it('charts CO-16 with M127 as documentation, and CO-16 with M51 as coding', () => {
    const { denials } = matchRemittance(parseFixture('documentation-denial.835'), ledger)
    expect(denials.map((d) => [d.code, d.category, d.rarcCodes])).toEqual([
      ['20552', 'documentation', ['M127']],
      ['64483', 'coding', ['M51']],
    ])
  })

  it('takes no denial from a reversal (CLP02 = 22); the re-adjudication denies 77003 as bundled (CO-97)', () => {
    const result = matchRemittance(parseFixture('reversal.835'), ledger)
    expect(result.claims.map((c) => [c.status, c.encounterId])).toEqual([
      ['reversal', 'ENC-2026-0007'],
      ['processed-primary', 'ENC-2026-0007'],
    ])
    expect(result.denials.map(pick)).toEqual([['ENC-2026-0007', 1, '77003', 'coding', 15000, true]])
  })

  it('matches claims of two payments: by encounter id, by patient and date, and reports the claim it cannot place', () => {
    const result = matchRemittance(parseFixture('multiple-claims.835'), ledger)
    expect(result.claims.map((c) => [c.remittanceIndex, c.patientControlNumber, c.encounterId, c.method])).toEqual([
      [0, 'ENC-2026-0010', 'ENC-2026-0010', 'encounter-id'],
      [0, 'ENC-2026-0011', 'ENC-2026-0011', 'encounter-id'],
      [0, 'PT-88213', 'ENC-2026-0013', 'patient-id-and-date'],
      [0, 'ENC-2099-9999', null, null],
      [1, 'ENC-2026-0012', 'ENC-2026-0012', 'encounter-id'],
    ])
    expect(result.unmatchedClaims).toEqual([
      { patientControlNumber: 'ENC-2099-9999', payerClaimNumber: '26320123456793', reason: "no encounter has id 'ENC-2099-9999' and no encounter of patient 'ENC-2099-9999' or '5JL8XJ9RP17' is dated 2026-11-18." },
    ])
    expect(result.denials.map(pick)).toEqual([
      ['ENC-2026-0011', 0, '62323', 'frequency', 140000, true],
      ['ENC-2026-0013', 1, '64635', 'coverage', 180000, true],
      ['ENC-2026-0013', 0, '64636', 'coding', 70000, true],
      [null, null, '20553', 'other', 27500, true],
      ['ENC-2026-0012', 1, 'J3301', 'coverage', 4000, true],
    ])
    expect(result.denials[3]).toMatchObject({ providerId: null, payerProfile: null, carcCodes: ['18'] })
    expect(result.denials[4]).toMatchObject({ payerName: 'EVERGREEN HEALTH PLAN', checkOrEftNumber: 'CHK0045512' })
  })

  it('with the encounter-id strategy, does not read CLP01 as a patient id', () => {
    const result = matchRemittance(parseFixture('multiple-claims.835'), ledger, { controlNumber: 'encounter-id' })
    expect(result.unmatchedClaims.map((c) => c.patientControlNumber)).toEqual(['PT-88213', 'ENC-2099-9999'])
  })

  it('with the patient-id strategy, does not read CLP01 as an encounter id', () => {
    const result = matchRemittance(parseFixture('paid.835'), ledger, { controlNumber: 'patient-id' })
    expect(result.claims[0]?.encounterId).toBeNull()
    expect(result.unmatchedClaims[0]?.reason).toBe("no encounter of patient 'ENC-2026-0001' or '1EG4TE5MK73' is dated 2026-11-03.")
  })

  const claim = (over: Partial<BuildClaim>): BuildClaim => ({
    patientControlNumber: 'X-1', status: '1', charge: 85000, paid: 0, payerClaimNumber: 'P1', from: '2026-11-03',
    lines: [{ code: '64483', modifiers: ['RT'], charge: 85000, paid: 0, date: '2026-11-03', adjustments: [{ group: 'CO', reason: '197', amount: 85000 }] }],
    ...over,
  })
  const remit = (...claims: BuildClaim[]) => parseOk(build835({ payerName: 'ACME', paymentDate: '2026-11-20', checkNumber: 'T1', claims }))

  it('falls back to the patient member id (NM1*QC) and the date of service', () => {
    const result = matchRemittance(remit(claim({ patient: { last: 'DOE', first: 'JANE', memberId: 'PT-10001' } })), ledger)
    expect(result.claims[0]).toMatchObject({ encounterId: 'ENC-2026-0001', method: 'member-id-and-date' })
  })

  it('refuses to guess between two encounters of the patient on the same date', () => {
    const twins = [...ledger, encounter('ENC-2026-0001-B', 'PT-10001', '2026-11-03', [line('20552')])]
    const result = matchRemittance(remit(claim({ patientControlNumber: 'PT-10001' })), twins)
    expect(result.unmatchedClaims[0]?.reason).toBe("2 encounters of patient 'PT-10001' are on the claim's dates (ENC-2026-0001, ENC-2026-0001-B); the claim cannot say which.")
  })

  it('matches modifiers in any order, then falls back to differing units, then to differing modifiers', () => {
    const enc = encounter('E-9', 'PT-9', '2026-11-03', [line('64483', ['59', 'RT']), line('64484', ['RT'], 1), line('20552', ['25'])])
    const rem = remit(claim({
      patientControlNumber: 'E-9',
      lines: [
        { code: '64483', modifiers: ['RT', '59'], charge: 100, paid: 100, date: '2026-11-03' },
        { code: '64484', modifiers: ['RT'], units: 2, charge: 100, paid: 100, date: '2026-11-03' },
        { code: '20552', charge: 100, paid: 100, date: '2026-11-03' },
      ],
    }))
    const result = matchRemittance(rem, [enc])
    expect(result.claims[0]?.lines.map((l) => [l.lineIndex, l.quality])).toEqual([[0, 'exact'], [1, 'units-differ'], [2, 'modifiers-differ']])
  })

  it('reports a line the encounter does not bill, and a line dated another day, plainly', () => {
    const rem = remit(claim({
      patientControlNumber: 'ENC-2026-0001',
      lines: [
        { code: '99213', modifiers: ['25'], charge: 100, paid: 100, date: '2026-11-03' },
        { code: '64483', modifiers: ['RT'], charge: 100, paid: 100, date: '2026-11-04' },
      ],
    }))
    expect(matchRemittance(rem, ledger).unmatchedLines.map((l) => [l.code, l.reason])).toEqual([
      ['99213', 'no unmatched line of encounter ENC-2026-0001 bills 99213.'],
      ['64483', 'the line is dated 2026-11-04, the encounter 2026-11-03.'],
    ])
  })

  it('lists a claim-level denial (CAS on the claim, no service lines) with no line index', () => {
    const rem = remit(claim({ patientControlNumber: 'ENC-2026-0001', status: '4', adjustments: [{ group: 'CO', reason: '29', amount: 85000 }], lines: [] }))
    expect(matchRemittance(rem, ledger).denials).toMatchObject([
      { encounterId: 'ENC-2026-0001', lineIndex: null, remittanceLineIndex: null, code: null, category: 'other', amount: 85000, full: true, carcCodes: ['29'] },
    ])
  })

  it('counts a partial denial on a paid line (CO-151 on one of two units) with full = false', () => {
    const rem = remit(claim({
      patientControlNumber: 'ENC-2026-0001',
      paid: 40000,
      lines: [{ code: '64483', modifiers: ['RT'], units: 1, charge: 85000, paid: 40000, date: '2026-11-03', adjustments: [{ group: 'CO', reason: '151', amount: 45000, quantity: 1 }] }],
    }))
    expect(matchRemittance(rem, ledger).denials.map(pick)).toEqual([['ENC-2026-0001', 0, '64483', 'frequency', 45000, false]])
  })

  it('names the largest adjustment\'s category when a line has several denial reasons', () => {
    const rem = remit(claim({
      patientControlNumber: 'ENC-2026-0001',
      lines: [{ code: '64483', modifiers: ['RT'], charge: 85000, paid: 0, date: '2026-11-03', adjustments: [{ group: 'CO', reason: '4', amount: 5000 }, { group: 'CO', reason: '50', amount: 80000 }] }],
    }))
    const [denial] = matchRemittance(rem, ledger).denials
    expect(denial).toMatchObject({ category: 'coverage', carcCodes: ['4', '50'], amount: 85000 })
    expect(denial?.adjustments.map((a) => a.category)).toEqual(['modifier', 'coverage'])
  })
})
