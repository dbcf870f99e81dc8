import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRemittanceFile } from './parse-835.ts'
import { readFixture } from './testing/fixtures.ts'
import type { RemittanceParseResult } from './types.ts'

const malformed = (name: string): string => readFileSync(new URL(`./fixtures/malformed/${name}`, import.meta.url), 'utf8')

/** A failed parse carries errors and nothing else: no remittance, no partial claims. */
function expectRejected(result: RemittanceParseResult): string[] {
  expect(result.ok).toBe(false)
  expect(Object.keys(result).sort()).toEqual(['errors', 'ok'])
  return result.ok ? [] : result.errors.map((e) => e.message)
}

describe('parseRemittanceFile rejects malformed files whole, naming segment and element', () => {
  const cases: [file: string, first: string, count?: number][] = [
    ['empty.835', 'The file is empty.'],
    ['binary-junk.835', 'The file is not text: it holds binary data, so it cannot be an X12 835 file.'],
    ['no-isa.835', "The file does not start with an ISA segment, so it is not an X12 interchange; it starts with 'GS*HP*MEDICAREJF*VAL…'."],
    ['short-isa.835', 'Segment 1 (ISA): the ISA segment is cut short: it has 60 characters where X12 fixes it at 106 (ISA, 16 fixed-width elements and the segment terminator).'],
    ['isa-not-fixed-width.835', "Segment 1 (ISA), element 6: the ISA is not fixed width: ISA06 should be 15 characters long and be followed by the element separator '*' at position 51, but 'A' is there. ISA elements are padded with spaces to their fixed lengths."],
    ['wrong-separators.835', "Segment 2: 'GS|HP|MEDICAREJF|VALLEYP…' does not begin with a segment identifier followed by the element separator '*' that the ISA declares; the file seems to separate elements with '|'. The ISA and the rest of the file must use the same separators."],
    ['se-count-mismatch.835', "Segment 34 (SE), element 1: the segment count '30' does not match the 32 segments from ST to SE; the transaction set may be incomplete."],
    ['st-se-control-mismatch.835', "Segment 34 (SE), element 2: control number '0002' does not match '0001' of the ST in segment 3."],
    ['iea-control-mismatch.835', "Segment 36 (IEA), element 2: control number '000004721' does not match '000004712' of the ISA."],
    ['ge-count-mismatch.835', "Segment 35 (GE), element 1: the transaction set count '2' does not match the 1 transaction sets in the group."],
    ['clp-status-not-number.835', "Segment 14 (CLP), element 2: claim status code 'X' is not a number."],
    ['clp-non-numeric-amount.835', "Segment 14 (CLP), element 3: total claim charge '2O75.00' is not a number."],
    ['svc-without-code.835', 'Segment 24 (SVC), element 1, component 2: the procedure code is missing.'],
    ['cas-odd-triples.835', "Segment 26 (CAS), element 6: reason code '50' in element 5 has no amount; CAS elements come in reason/amount/quantity triples."],
    ['cas-bad-group.835', "Segment 31 (CAS), element 1: adjustment group code 'XX' is not one of CO, PR, OA, PI, CR."],
    ['iea-missing.835', 'Segment 35: the file ends without the IEA that closes interchange 000004712; the file may be truncated.'],
    ['truncated.835', 'Segment 28: the file ends inside transaction set 0001 (ST in segment 3): no SE; the file may be truncated.', 2],
    ['bad-payment-date.835', "Segment 4 (BPR), element 16: payment date '20261331' is not a real calendar date."],
    ['no-bpr.835', 'Segment 3 (ST): transaction set 0001 has no BPR segment (payment amount, method and date).'],
    ['svc-before-clp.835', 'Segment 14 (SVC): service line found before any claim (no CLP before it).'],
    ['data-after-iea.835', 'Segment 37 (ISA): the interchange already ended with the IEA in segment 36; a file must hold one interchange and nothing after it.'],
    ['transaction-837.835', "Segment 2 (GS), element 1: functional identifier 'HC' is not HP (health care claim payment/advice); this importer reads 835 remittance files only.", 3],
  ]

  it.each(cases)('%s', (file, first, count = 1) => {
    const messages = expectRejected(parseRemittanceFile(malformed(file)))
    expect(messages[0]).toBe(first)
    expect(messages).toHaveLength(count)
  })

  it('says an 837 claim file is not an 835 remittance', () => {
    const messages = expectRejected(parseRemittanceFile(malformed('transaction-837.835')))
    expect(messages.at(-1)).toBe("Segment 3 (ST), element 1: transaction set '837' is not an 835 health care claim payment/advice; this importer reads 835 files only.")
  })

  it('rejects 50 MB over the size limit at once, without reading the text', () => {
    // Binary content would give another message if the text were read: only the size is looked at.
    const huge = '\u0000'.repeat(50 * 1024 * 1024)
    const started = process.hrtime.bigint()
    const messages = expectRejected(parseRemittanceFile(huge, { maxBytes: 10_000_000 }))
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
    expect(messages).toEqual(['The file has 52,428,800 characters, more than the 10,000,000 this import accepts; split it or raise the limit.'])
    expect(elapsedMs).toBeLessThan(1000)
  })

  it('rejects a file over the default limit of 20,000,000 characters', () => {
    const messages = expectRejected(parseRemittanceFile(' '.repeat(20_000_001)))
    expect(messages[0]).toMatch(/^The file has 20,000,001 characters, more than the 20,000,000/)
  })

  it('returns no remittance when one claim of several is bad, even if the others are fine', () => {
    const text = readFixture('multiple-claims.835').replace('CLP*ENC-2099-9999*4*275.00*', 'CLP*ENC-2099-9999*4*275.001*')
    const messages = expectRejected(parseRemittanceFile(text))
    expect(messages).toEqual(["Segment 38 (CLP), element 3: total claim charge '275.001' has more than 2 decimal places."])
  })

  it('reports every bad value of the file, not only the first', () => {
    const text = readFixture('partial-denial.835')
      .replace('CLP*ENC-2026-0002*1*', 'CLP*ENC-2026-0002*7*')
      .replace('SVC*HC:20553*275.00*', 'SVC*HC:20553*abc*')
      .replace('DTM*472*20261104~\nCAS*CO*4', 'DTM*472*2026110~\nCAS*CO*4')
    expect(expectRejected(parseRemittanceFile(text))).toEqual([
      "Segment 14 (CLP), element 2: claim status code '7' is not one the 835 uses (1, 2, 3, 4, 19, 20, 21, 22, 23, 25).",
      "Segment 19 (DTM), element 2: date (DTM01 472) '2026110' is not a date written CCYYMMDD.",
      "Segment 29 (SVC), element 2: line charge amount 'abc' is not a number.",
    ])
  })

  it('stops after maxErrors errors and says so', () => {
    let text = readFixture('partial-denial.835')
    text = text.replaceAll('DTM*472*20261104~', 'DTM*472*20261199~')
    const messages = expectRejected(parseRemittanceFile(text, { maxErrors: 2 }))
    expect(messages).toEqual([
      "Segment 19 (DTM), element 2: date (DTM01 472) '20261199' is not a real calendar date.",
      "Segment 25 (DTM), element 2: date (DTM01 472) '20261199' is not a real calendar date.",
      'Stopped after 2 errors; fix these and import the file again.',
    ])
  })

  it('rejects a CAS with more than six reason/amount/quantity triples', () => {
    const triples = Array.from({ length: 7 }, () => '45*1.00*').join('*')
    const text = readFixture('partial-denial.835').replace('CAS*CO*50*275.00~', `CAS*CO*${triples}~`)
    expect(expectRejected(parseRemittanceFile(text))[0]).toBe('Segment 31 (CAS), element 20: more than 6 reason/amount/quantity triples; a CAS holds at most 6.')
  })

  it('rejects a CAS amount that has no reason code before it', () => {
    const text = readFixture('partial-denial.835').replace('CAS*CO*50*275.00~', 'CAS*CO*50*270.00***5.00~')
    expect(expectRejected(parseRemittanceFile(text))).toEqual(['Segment 31 (CAS), element 6: an amount or quantity without a reason code in element 5.'])
  })

  it('rejects a GE whose control number is not the GS06 it closes', () => {
    const text = readFixture('partial-denial.835').replace('GE*1*4712~', 'GE*1*4713~')
    expect(expectRejected(parseRemittanceFile(text))).toEqual(["Segment 35 (GE), element 2: control number '4713' does not match '4712' of the GS in segment 2."])
  })

  it('rejects a CLP without the payer claim control number (CLP07)', () => {
    const text = readFixture('partial-denial.835').replace('*124.00*MB*26320123456781~', '*124.00*MB~')
    expect(expectRejected(parseRemittanceFile(text))).toEqual(['Segment 14 (CLP), element 7: the payer claim control number is missing.'])
  })

  it('rejects an ISA whose segment terminator is a letter (an ISA one character too long)', () => {
    const text = readFixture('paid.835').replace('*P*:~', '*P*:X~')
    expect(expectRejected(parseRemittanceFile(text))[0]).toMatch(/^Segment 1 \(ISA\): the character after ISA16, 'X', should be the segment terminator/)
  })

  it('rejects an ISA whose component separator is the element separator', () => {
    const text = readFixture('paid.835').replace('*P*:~', '*P**~')
    expect(expectRejected(parseRemittanceFile(text))[0]).toBe("Segment 1 (ISA), element 16: the component separator '*' must be a special character other than the element separator '*'.")
  })

  it('rejects an element separator that is a letter', () => {
    expect(expectRejected(parseRemittanceFile('ISAX00X'.padEnd(200, ' ')))[0]).toBe(
      "Segment 1 (ISA): the element separator (the character after \"ISA\") is 'X'; it must not be a letter, digit, space or line break.",
    )
  })
})
