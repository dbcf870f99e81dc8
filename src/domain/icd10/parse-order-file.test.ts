import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildIcd10Index, fiscalYearOf, parseIcd10OrderFile, selectRelease, type Icd10Release } from './index.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const FY2022 = fixture('icd10cm-order-2022-excerpt.txt')
const FY2023 = fixture('icd10cm-order-2023-excerpt.txt')

function load(text: string, fiscalYear: number): Icd10Release {
  const result = parseIcd10OrderFile(text, { fiscalYear })
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.release
}

/** The good FY2023 excerpt with line `row` (1-based) replaced. */
function withLine(row: number, replacement: string): string {
  const lines = FY2023.split('\n')
  lines[row - 1] = replacement
  return lines.join('\n')
}
const LINE_3 = FY2023.split('\n')[2] ?? ''

describe('the ICD-10-CM order file', () => {
  it('reads every code of the excerpt with its billable flag and both descriptions', () => {
    const release = load(FY2023, 2023)
    expect(release.codes).toHaveLength(25)
    expect(release.codes.find((c) => c.code === 'M5416')).toEqual({ code: 'M5416', billable: true, short: 'Radiculopathy, lumbar region', long: 'Radiculopathy, lumbar region' })
    expect(release.codes.find((c) => c.code === 'M541')?.billable).toBe(false)
    expect(release).toMatchObject({ id: '2023', fiscalYear: 2023, release: 'october', effectiveFrom: '2022-10-01', effectiveTo: '2023-09-30' })
  })

  it('dates an April update from April 1 of its fiscal year', () => {
    const result = parseIcd10OrderFile(FY2023, { fiscalYear: 2023, release: 'april' })
    expect(result.ok && result.release).toMatchObject({ id: '2023-april', effectiveFrom: '2023-04-01', effectiveTo: '2023-09-30' })
  })

  it('reads Windows line ends and a byte-order mark', () => {
    expect(load(`\uFEFF${FY2023.replaceAll('\n', '\r\n')}`, 2023).codes).toHaveLength(25)
  })

  const malformed: [string, string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['blank space only', '   \n\n', /blank space/],
    ['binary data', '\u0000\u0001\u0002PNG\u0000', /NUL bytes/],
    ['a ZIP archive', 'PK\u0003\u0004rest', /unzip it and load the order file/],
    ['the codes file instead of the order file', 'A000    Cholera due to Vibrio cholerae 01, biovar cholerae\n', /codes file/],
    ['a comma-separated copy', '61200,G89,0,Pain,Pain\n', /stops before the short description|order number|blank between fields/],
    ['a tab instead of spaces', LINE_3.replace(' ', '\t'), /tab/],
    ['a line cut before the short description', withLine(3, '61206 G8918   1'), /Row 3: the line is 15 characters long/],
    ['a non-numeric order number', withLine(3, `6120X${LINE_3.slice(5)}`), /Row 3, column 'Order number \(columns 1-5\)': '6120X'/],
    ['a code shifted one column (wrong width)', withLine(3, `61206  G8918  1${LINE_3.slice(15)}`), /Row 3, column 'Code \(columns 7-13\)'/],
    ['fields one column off', withLine(3, `612066 G8918   1${LINE_3.slice(16)}`), /Row 3: column 6 should be a blank/],
    ['a dotted code', withLine(3, `61206 G89.18  1${LINE_3.slice(15)}`), /not an ICD-10-CM code/],
    ['a lower-case code', withLine(3, `61206 g8918   1${LINE_3.slice(15)}`), /not an ICD-10-CM code/],
    ['a code starting with a digit', withLine(3, `61206 08918   1${LINE_3.slice(15)}`), /not an ICD-10-CM code/],
    ['a bad billable flag', withLine(3, `${LINE_3.slice(0, 14)}Y${LINE_3.slice(15)}`), /Row 3, column 'Billable flag \(column 15\)': 'Y' is not 1/],
    ['an empty short description', withLine(3, `${LINE_3.slice(0, 16)}${' '.repeat(60)} Other acute postprocedural pain`), /short description is empty/],
    ['a short description wider than 60 characters', withLine(3, `${LINE_3.slice(0, 16)}${'x'.repeat(61)} long`), /column 77 should be a blank/],
    ['a missing long description', withLine(3, LINE_3.slice(0, 76)), /long description is missing/],
    ['a duplicate code', `${FY2023}${LINE_3.replace('61206', '99999')}\n`, /G8918 is listed again \(first on row 3\)/],
    ['order numbers going down', withLine(3, `61201${LINE_3.slice(5)}`), /does not follow row 2's 61203/],
    ['a blank line between codes', withLine(3, `\n${LINE_3}`), /Row 3: a blank line between codes/],
    ['an overlong line', withLine(3, `${LINE_3} ${'x'.repeat(600)}`), /more than an order file's line/],
    ['a header line of another format', withLine(1, 'Order Code Flag Short Long'), /Row 1/],
  ]
  it.each(malformed)('refuses %s with its row and column, and keeps nothing', (_name, text, message) => {
    const result = parseIcd10OrderFile(text, { fiscalYear: 2023 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(message)
    expect(result).not.toHaveProperty('release')
  })

  it('refuses a fiscal year before ICD-10-CM and dates that are not dates', () => {
    const result = parseIcd10OrderFile(FY2023, { fiscalYear: 2014, effectiveFrom: '2023-13-01' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/fiscal year/), expect.stringMatching(/effectiveFrom/)])
  })
})

describe('codes by date of service', () => {
  const releases = [load(FY2022, 2022), load(FY2023, 2023)]

  it('counts October 1 in the next fiscal year', () => {
    expect(fiscalYearOf('2022-09-30')).toBe(2022)
    expect(fiscalYearOf('2022-10-01')).toBe(2023)
  })

  it('finds M79.1 billable in FY2022 and a header needing more characters in FY2023', () => {
    const fy22 = selectRelease(releases, '2022-09-30')
    const fy23 = selectRelease(releases, '2022-10-01')
    expect(fy22?.fiscalYear).toBe(2022)
    expect(fy23?.fiscalYear).toBe(2023)
    expect(buildIcd10Index(fy22?.codes ?? []).status('M79.1').status).toBe('billable')
    const later = buildIcd10Index(fy23?.codes ?? []).status('M79.1')
    expect(later.status).toBe('header')
    if (later.status === 'header') expect(later.children.map((c) => c.code)).toEqual(['M7910', 'M7911', 'M7912', 'M7918'])
  })

  it('has no release for a date no loaded file covers', () => {
    expect(selectRelease(releases, '2023-10-01')).toBeNull()
  })

  it('takes the April update over its October release from April 1', () => {
    const april = { ...load(FY2023, 2023), id: '2023-april', effectiveFrom: '2023-04-01' }
    expect(selectRelease([...releases, april], '2023-03-31')?.id).toBe('2023')
    expect(selectRelease([...releases, april], '2023-04-01')?.id).toBe('2023-april')
  })
})

describe('searching the code set', () => {
  const index = buildIcd10Index(load(FY2023, 2023).codes)

  it('finds codes by words in any order, billable codes first', () => {
    expect(index.search('lumbar radic').map((m) => m.display)).toEqual(['M47.816', 'M51.16', 'M54.16'])
    expect(index.search('radiculopathy').map((m) => m.display).slice(0, 3)).toEqual(['M47.816', 'M47.817', 'M51.16'])
  })

  it('finds codes by a code prefix, with or without the dot', () => {
    expect(index.search('M54.1').map((m) => m.display)).toEqual(['M54.1', 'M54.16', 'M54.17'])
    expect(index.search('m541').map((m) => m.display)).toEqual(['M54.1', 'M54.16', 'M54.17'])
  })

  it('matches words at their start only', () => {
    expect(index.search('algia').map((m) => m.display)).toEqual([])
    expect(index.search('myalg').map((m) => m.display)).toEqual(['M79.10', 'M79.11', 'M79.12', 'M79.18', 'M79.1'])
  })

  it('says an unknown code is unknown and a billable one billable', () => {
    expect(index.status('M54.99').status).toBe('unknown')
    expect(index.status('m48.062').status).toBe('billable')
  })
})
