import { describe, expect, it } from 'vitest'
import { parseRemittanceFile } from './parse-835.ts'
import { parseFixture, readFixture } from './testing/fixtures.ts'

describe('parseRemittanceFile on well-formed 835 files', () => {
  it('reads a paid Medicare claim: payment, payer, payee, patient, provider, lines in cents', () => {
    const [rem, ...others] = parseFixture('paid.835')
    expect(others).toEqual([])
    expect(rem).toMatchObject({
      transactionControlNumber: '0001',
      payerName: 'MEDICARE JF PART B',
      payerId: '03102',
      payeeName: 'VALLEY PAIN CENTER',
      payeeId: '1234567893',
      paymentDate: '2026-11-20',
      productionDate: '2026-11-19',
      paymentAmount: 51328,
      paymentMethod: 'ACH',
      checkOrEftNumber: 'EFT20261120A',
      providerAdjustments: [],
    })
    expect(rem?.claims).toHaveLength(1)
    const claim = rem?.claims[0]
    expect(claim).toMatchObject({
      patientControlNumber: 'ENC-2026-0001',
      statusCode: '1',
      status: 'processed-primary',
      charge: 119000,
      paid: 51328,
      patientResponsibility: 13094,
      payerClaimNumber: '26320123456780',
      patientName: 'DOE, JANE',
      patientMemberId: '1EG4TE5MK73',
      renderingProviderId: '1497758544',
      serviceDates: { from: '2026-11-03', to: '2026-11-03' },
      adjustments: [],
    })
    expect(claim?.lines.map((l) => [l.code, l.modifiers, l.units, l.charge, l.paid, l.allowed, l.lineControlNumber])).toEqual([
      ['64483', ['RT'], 1, 85000, 37530, 47870, 'ENC-2026-0001-1'],
      ['64484', ['RT'], 1, 30000, 13328, 17000, 'ENC-2026-0001-2'],
      ['J3301', [], 4, 4000, 470, 600, 'ENC-2026-0001-3'],
    ])
    expect(claim?.lines[0]?.adjustments).toEqual([
      { group: 'CO', reason: '45', amount: 37130 },
      { group: 'CO', reason: '253', amount: 766 },
      { group: 'PR', reason: '2', amount: 9574 },
    ])
    expect(claim?.lines.every((l) => l.dateOfService === '2026-11-03')).toBe(true)
  })

  it('reads a partially denied claim: CO-4 with N822 on 64494, CO-50 with N115 on 20553', () => {
    const [rem] = parseFixture('partial-denial.835')
    const lines = rem?.claims[0]?.lines ?? []
    expect(lines.map((l) => [l.code, l.modifiers, l.paid, l.adjustments, l.remarks])).toEqual([
      ['64493', ['50'], 48608, [{ group: 'CO', reason: '45', amount: 58000 }, { group: 'CO', reason: '253', amount: 992 }, { group: 'PR', reason: '2', amount: 12400 }], []],
      ['64494', [], 0, [{ group: 'CO', reason: '4', amount: 60000 }], ['N822']],
      ['20553', [], 0, [{ group: 'CO', reason: '50', amount: 27500 }], ['N115']],
    ])
  })

  it('reads a denied RFA claim (CLP02 = 4, CO-119) with a notification-only BPR', () => {
    const [rem] = parseFixture('frequency-denial.835')
    expect(rem).toMatchObject({ paymentAmount: 0, paymentMethod: 'NON', payerName: 'EVERGREEN HEALTH PLAN', payerId: 'EVG01' })
    expect(rem?.claims[0]).toMatchObject({ status: 'denied', statusCode: '4', paid: 0, payerClaimNumber: 'EV2026110500123' })
    expect(rem?.claims[0]?.lines.map((l) => [l.code, l.modifiers, l.adjustments[0]?.reason])).toEqual([
      ['64635', ['RT'], '119'],
      ['64636', ['RT'], '119'],
    ])
  })

  it('reads two authorization denials: CO-197 on 62323 and J1100 x10, CO-15 with M62 on 64483', () => {
    const [rem] = parseFixture('prior-auth-denial.835')
    expect(rem?.claims.map((c) => c.patientControlNumber)).toEqual(['ENC-2026-0004', 'ENC-2026-0005'])
    expect(rem?.claims[0]?.lines[1]).toMatchObject({ code: 'J1100', units: 10, paid: 0 })
    expect(rem?.claims[1]?.lines[0]).toMatchObject({ code: '64483', modifiers: ['LT'], remarks: ['M62'] })
  })

  it('reads a file written on one line (no line breaks after the terminators)', () => {
    const text = readFixture('documentation-denial.835')
    expect(text).not.toContain('\n')
    const [rem] = parseFixture('documentation-denial.835')
    expect(rem?.claims[0]?.lines.map((l) => [l.code, l.remarks])).toEqual([
      ['20552', ['M127']],
      ['64483', ['M51']],
    ])
  })

  it('reads a reversal (CLP02 = 22) with negative amounts, its re-adjudication and the PLB that balances them', () => {
    const [rem] = parseFixture('reversal.835')
    const [reversal, corrected] = rem?.claims ?? []
    expect(reversal).toMatchObject({ status: 'reversal', statusCode: '22', charge: -135000, paid: -54684, patientResponsibility: -13950 })
    expect(reversal?.lines[0]).toMatchObject({ code: '64493', units: -1, paid: -48608 })
    expect(reversal?.lines[0]?.adjustments[0]).toEqual({ group: 'CO', reason: '45', amount: -58000 })
    expect(corrected).toMatchObject({ status: 'processed-primary', paid: 48608 })
    expect(corrected?.lines[1]?.adjustments).toEqual([{ group: 'CO', reason: '97', amount: 15000 }])
    expect(rem?.providerAdjustments).toEqual([
      { providerId: '1234567893', fiscalPeriodDate: '2026-12-31', reason: 'FB', reference: '26320123456783', amount: -6076 },
    ])
  })

  it('reads two transaction sets (two payments, two payers) from one file with CRLF line ends and trailing spaces', () => {
    const result = parseRemittanceFile(readFixture('multiple-claims.835'))
    expect(result.ok && result.warnings).toEqual([])
    const rems = parseFixture('multiple-claims.835')
    expect(rems.map((r) => [r.transactionControlNumber, r.payerName, r.paymentAmount, r.paymentMethod, r.claims.length])).toEqual([
      ['0001', 'MEDICARE JF PART B', 7448, 'ACH', 4],
      ['0002', 'EVERGREEN HEALTH PLAN', 65000, 'CHK', 1],
    ])
    expect(rems[1]?.claims[0]).toMatchObject({ status: 'processed-secondary' })
  })

  it('reads the same file with CRLF, CR or no line ends after the terminators, and with blank lines and trailing spaces', () => {
    const lf = readFixture('paid.835')
    const expected = parseFixture('paid.835')
    for (const text of [lf.replaceAll('~\n', '~\r\n'), lf.replaceAll('~\n', '~\r'), lf.replaceAll('~\n', '~'), lf.replaceAll('~\n', '~  \n\n'), `\ufeff\n${lf}\n\n`]) {
      expect(parseRemittanceFile(text)).toEqual({ ok: true, remittances: expected, warnings: [] })
    }
  })

  it('reports no balancing warnings on the fixtures, whose amounts add up', () => {
    for (const name of ['paid.835', 'partial-denial.835', 'frequency-denial.835', 'prior-auth-denial.835', 'documentation-denial.835', 'reversal.835']) {
      const result = parseRemittanceFile(readFixture(name))
      expect(result.ok && result.warnings, name).toEqual([])
    }
  })

  it('warns, without failing, when a claim charge less payment is not the sum of its adjustments', () => {
    const text = readFixture('paid.835').replace('CAS*PR*2*95.74~', 'CAS*PR*2*95.00~')
    const result = parseRemittanceFile(text)
    expect(result.ok).toBe(true)
    expect(result.ok && result.warnings).toEqual([
      'Claim ENC-2026-0001 (segment 17): charge 1190.00 less payment 513.28 is not the 675.98 of its adjustments.',
    ])
  })

  it('takes the billed code and units from SVC06 and SVC07 when the payer changed them', () => {
    const text = readFixture('paid.835').replace('SVC*HC:64484:RT*300.00*133.28**1~', 'SVC*HC:64484*300.00*133.28**1*HC:64484:RT:59*2~')
    const [rem] = parseFixture('paid.835')
    expect(rem?.claims[0]?.lines[1]?.billedCode).toBeUndefined()
    const result = parseRemittanceFile(text)
    const line = result.ok ? result.remittances[0]?.claims[0]?.lines[1] : undefined
    expect(line).toMatchObject({ code: '64484', modifiers: [], units: 1, billedCode: '64484', billedModifiers: ['RT', '59'], billedUnits: 2 })
  })

  it('reads an absent SVC05 as one unit', () => {
    const text = readFixture('paid.835').replace('SVC*HC:64483:RT*850.00*375.30**1~', 'SVC*HC:64483:RT*850.00*375.30~')
    const result = parseRemittanceFile(text)
    expect(result.ok && result.remittances[0]?.claims[0]?.lines[0]?.units).toBe(1)
  })

  it('dates a line without DTM*472 by the claim statement start (DTM*232)', () => {
    const text = readFixture('paid.835').replace('SVC*HC:J3301*40.00*4.70**4~\nDTM*472*20261103~', 'SVC*HC:J3301*40.00*4.70**4~').replace('SE*38*0001~', 'SE*37*0001~')
    const result = parseRemittanceFile(text)
    expect(result.ok && result.remittances[0]?.claims[0]?.lines[2]?.dateOfService).toBe('2026-11-03')
  })
})
