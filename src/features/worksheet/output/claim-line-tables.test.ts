import { describe, expect, it } from 'vitest'
import type { ClaimLine } from '../../../domain/index.ts'
import { box21Text, claimLinesToCsv, claimLinesToTsv, csvField, neutralizeFormula } from './claim-line-tables.ts'
import { exampleInput, linesOf } from './test-fixtures.ts'

const example = exampleInput()
const exampleLines = linesOf(example)
const exampleMeta = { patientId: 'PT-1001', dateOfService: '2026-10-14', providerId: 'DR-A' }

/** The example plus an unclassified drug, whose name has a comma and quotes: a Box 19 line. */
function linesWithBox19(): ClaimLine[] {
  const input = structuredClone(example)
  input.encounter.drugs.push({ code: 'J3490', name: 'ropivacaine, "Naropin"', dose: 5, unit: 'mL', category: 'other' })
  return linesOf(input)
}

function line(overrides: Partial<ClaimLine>): ClaimLine {
  return { code: '64493', modifiers: [], units: 1, label: 'label', procedureIndex: 0, origin: 'procedure', ruleIds: [], trace: [], ...overrides }
}

describe('claimLinesToTsv', () => {
  it('writes one tab-separated row per line of the example encounter, no header, with its pointers and the codes they name', () => {
    expect(claimLinesToTsv(exampleLines, { diagnoses: example.encounter.diagnoses })).toBe(
      [
        '20552\t\t1\tTrigger point injection(s), 1 or 2 muscles\t\tA\tM47.816',
        '64493\t50 KX\t1\tFacet joint / medial branch injection, low back, first level, fluoro/CT\t\tA\tM47.816',
        '64635\tRT\t1\tRadiofrequency ablation of facet nerves, low back, first joint, fluoro/CT\t\tA\tM47.816',
        '64483\tRT\t1\tTransforaminal epidural injection, low back, single level, image-guided\t\tA\tM47.816',
        'J3301\t\t4\tDrug: triamcinolone acetonide\t\tA\tM47.816',
        '77003\t\t1\tFluoroscopic guidance for spinal needle placement\t\tA\tM47.816',
      ].join('\n'),
    )
  })

  it('writes a chosen pointer order (box 24E) and the diagnoses in that order', () => {
    const lines = [line({ pointers: ['C', 'A'] })]
    expect(claimLinesToTsv(lines, { diagnoses: ['M47.816', 'M54.50', 'M54.16'] })).toBe('64493\t\t1\tlabel\t\tCA\tM54.16 M47.816')
  })

  it('puts a header row first only when asked', () => {
    const tsv = claimLinesToTsv(exampleLines.slice(0, 1), { header: true })
    expect(tsv).toBe('Code\tModifiers\tUnits\tLabel\tBox 19\tDx pointer\tDiagnoses\n20552\t\t1\tTrigger point injection(s), 1 or 2 muscles\t\tA\t')
  })

  it('carries the Box 19 narrative of an unclassified drug in the last column', () => {
    const rows = claimLinesToTsv(linesWithBox19()).split('\n')
    expect(rows).toContain('J3490\t\t1\tUnclassified drug: ropivacaine, "Naropin"\tropivacaine, "Naropin", 5 mL\tA\t')
  })

  it('turns tabs and line breaks inside a cell into spaces, so rows and columns stay put', () => {
    const tsv = claimLinesToTsv([line({ label: 'a\tb\r\nc\nd\re', box19: 'x\ty' })])
    expect(tsv).toBe('64493\t\t1\ta b c d e\tx y\t\t')
    expect(tsv.split('\n')).toHaveLength(1)
    expect(tsv.split('\t')).toHaveLength(7)
  })

  it('is empty for no lines', () => {
    expect(claimLinesToTsv([])).toBe('')
  })
})

describe('claimLinesToCsv', () => {
  it('writes the example encounter as RFC 4180 CSV with a header and CRLF line ends, pointers and box 21 on every row', () => {
    expect(claimLinesToCsv(exampleLines, { ...exampleMeta, diagnoses: example.encounter.diagnoses })).toBe(
      [
        'Patient account,Date of service,Provider,Line,Code,Modifiers,Units,Label,Box 19,Dx pointer,Diagnoses,Box 21',
        'PT-1001,2026-10-14,DR-A,1,20552,,1,"Trigger point injection(s), 1 or 2 muscles",,A,M47.816,A M47.816',
        'PT-1001,2026-10-14,DR-A,2,64493,50 KX,1,"Facet joint / medial branch injection, low back, first level, fluoro/CT",,A,M47.816,A M47.816',
        'PT-1001,2026-10-14,DR-A,3,64635,RT,1,"Radiofrequency ablation of facet nerves, low back, first joint, fluoro/CT",,A,M47.816,A M47.816',
        'PT-1001,2026-10-14,DR-A,4,64483,RT,1,"Transforaminal epidural injection, low back, single level, image-guided",,A,M47.816,A M47.816',
        'PT-1001,2026-10-14,DR-A,5,J3301,,4,Drug: triamcinolone acetonide,,A,M47.816,A M47.816',
        'PT-1001,2026-10-14,DR-A,6,77003,,1,Fluoroscopic guidance for spinal needle placement,,A,M47.816,A M47.816',
        '',
      ].join('\r\n'),
    )
  })

  it('letters box 21 in order, with each line\'s chosen pointers', () => {
    const csv = claimLinesToCsv([line({ pointers: ['B', 'A'] })], { ...exampleMeta, diagnoses: ['M47.816', 'M54.50'] })
    expect(csv.split('\r\n')[1]).toBe('PT-1001,2026-10-14,DR-A,1,64493,,1,label,,BA,M54.50 M47.816,A M47.816; B M54.50')
    expect(box21Text(['M47.816', 'M54.50', 'M54.16'])).toBe('A M47.816; B M54.50; C M54.16')
  })

  it('quotes a Box 19 narrative holding commas and doubles its quotes', () => {
    const rows = claimLinesToCsv(linesWithBox19(), exampleMeta).split('\r\n')
    expect(rows).toContain(
      'PT-1001,2026-10-14,DR-A,6,J3490,,1,"Unclassified drug: ropivacaine, ""Naropin""","ropivacaine, ""Naropin"", 5 mL",A,,',
    )
  })

  it('leaves patient, date and provider empty without meta', () => {
    expect(claimLinesToCsv([line({})])).toBe(
      'Patient account,Date of service,Provider,Line,Code,Modifiers,Units,Label,Box 19,Dx pointer,Diagnoses,Box 21\r\n,,,1,64493,,1,label,,,,\r\n',
    )
  })

  it('is the header row alone for no lines', () => {
    expect(claimLinesToCsv([])).toBe('Patient account,Date of service,Provider,Line,Code,Modifiers,Units,Label,Box 19,Dx pointer,Diagnoses,Box 21\r\n')
  })

  it('keeps a line break inside a quoted cell (RFC 4180 allows it)', () => {
    const csv = claimLinesToCsv([line({ label: 'two\r\nlines', box19: 'one\nbreak' })])
    expect(csv.split('\r\n')[1]).toBe(',,,1,64493,,1,"two')
    expect(csv).toContain(',"two\r\nlines","one\nbreak",,,\r\n')
  })

  it.each([
    ['=HYPERLINK("http://x.test","click")', `"'=HYPERLINK(""http://x.test"",""click"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
  ])('neutralises the formula %j in any cell', (evil, expected) => {
    const csv = claimLinesToCsv([line({ label: evil, box19: evil })], { patientId: evil, dateOfService: evil, providerId: evil })
    expect(csv.endsWith(`\r\n${[expected, expected, expected, '1', '64493', '', '1', expected, expected, '', '', ''].join(',')}\r\n`)).toBe(true)
  })

  it('leaves a formula character that is not first alone', () => {
    expect(neutralizeFormula('PT-1001')).toBe('PT-1001')
    expect(neutralizeFormula('a=b')).toBe('a=b')
    expect(neutralizeFormula('')).toBe('')
  })
})

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['a\nb', '"a\nb"'],
    ['a\rb', '"a\rb"'],
    ['tab\there', 'tab\there'],
  ])('writes %j as %j', (cell, field) => {
    expect(csvField(cell)).toBe(field)
  })
})
