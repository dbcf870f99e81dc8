import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCoverageArticles, type CoverageFile } from './index.ts'

const read = (name: string): CoverageFile => ({ name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') })
const COVERED = read('article_x_icd10_covered.csv')
const GROUPS = read('article_x_icd10_covered_group.csv')
const HCPCS = read('article_x_hcpc_code.csv')
const ARTICLE = read('article.csv')
const ALL = [COVERED, GROUPS, HCPCS, ARTICLE]
const PAIN = new Set(['62321', '62323', '64483', '64484', '64493', '64635', '20552', '20553'])

/** The fixture set with one file's text changed. */
function withFile(file: CoverageFile, text: string): CoverageFile[] {
  return ALL.map((f) => (f === file ? { ...f, text } : f))
}
function withRow(file: CoverageFile, row: number, replacement: string): CoverageFile[] {
  const lines = file.text.split('\n')
  lines[row - 1] = replacement
  return withFile(file, lines.join('\n'))
}
const appended = (file: CoverageFile, row: string) => withFile(file, `${file.text}${row}\n`)

describe('the MCD article download', () => {
  it("keeps each article's latest version with its codes, groups and plain-text paragraphs", () => {
    const result = parseCoverageArticles(ALL)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const esi = result.articles.find((a) => a.articleId === 'A99901')
    expect(esi).toMatchObject({ version: 2, title: 'Synthetic test article: epidural steroid injections', hcpcsCodes: ['62321', '62323', '64483', '64484'] })
    expect(esi?.groups.map((g) => [g.group, g.codes])).toEqual([[1, ['M4806' + '2', 'M5116', 'M5416', 'M5417']], [2, ['G8918']], [3, ['M961']]])
    expect(esi?.groups[1]?.paragraph).toBe('Group 2 Paragraph: For postoperative pain management, report with CPT codes 62321 or 62323 only.')
    expect(result.articles.find((a) => a.articleId === 'A99902')?.groups[0]?.paragraph).toBe('Group 1 Paragraph: synthetic facet group & test text.')
    expect(result.warnings).toContain('Older versions of an article were left out: only each article\'s latest version is kept.')
  })

  it('keeps only the articles listing a pain-management code when asked', () => {
    const result = parseCoverageArticles(ALL, { keepHcpcs: PAIN })
    expect(result.ok && result.articles.map((a) => a.articleId)).toEqual(['A99901', 'A99902'])
  })

  it('reads the files in any order and skips the download files it does not use', () => {
    const other = { name: 'article_x_contractor.csv', text: 'article_id,article_version,article_type,contractor_id\n99901,2,1,123\n' }
    const result = parseCoverageArticles([ARTICLE, HCPCS, other, GROUPS, COVERED])
    expect(result.ok).toBe(true)
    expect(result.ok && result.warnings).toContain('article_x_contractor.csv is not one of the files the coverage check reads; it was skipped.')
  })

  it('leaves out, with a warning, an article listing diagnoses but no procedure code', () => {
    const result = parseCoverageArticles(appended(COVERED, '99904,1,M54.16,1,1,N,2025-01-02 10:00:00,1,"x",'))
    expect(result.ok && result.articles.map((a) => a.articleId)).toEqual(['A99901', 'A99902', 'A99903'])
    expect(result.ok && result.warnings).toContain('1 article lists covered diagnoses but no procedure code in article_x_hcpc_code.csv and was left out.')
  })

  it('reads without article.csv (titles are then unknown)', () => {
    const result = parseCoverageArticles([COVERED, GROUPS, HCPCS])
    expect(result.ok && result.articles[0]?.title).toBeNull()
  })

  const malformed: [string, CoverageFile[], RegExp][] = [
    ['no files', [], /article_x_icd10_covered\.csv file of the MCD download is missing/],
    ['the covered codes file missing', [GROUPS, HCPCS], /article_x_icd10_covered\.csv file .* is missing/],
    ['the group paragraphs file missing', [COVERED, HCPCS], /article_x_icd10_covered_group\.csv file .* is missing/],
    ['the HCPCS file missing', [COVERED, GROUPS], /article_x_hcpc_code\.csv file .* is missing/],
    ['an empty file', withFile(GROUPS, ''), /article_x_icd10_covered_group\.csv: The file is empty/],
    ['binary data', withFile(COVERED, '\u0000\u0001\u0002\u0003'), /NUL bytes/],
    ['a ZIP archive', withFile(HCPCS, 'PK\u0003\u0004...'), /unzip the MCD download/],
    ['two copies of one file', [...ALL, { ...COVERED, name: 'copy.csv' }], /copy\.csv: this is a second article_x_icd10_covered\.csv/],
    ['a missing column', withRow(COVERED, 1, 'article_id,article_version,icd10_code_id,icd10_code_version,range'), /is not one of the files|missing/],
    ['a row cut short', withRow(COVERED, 3, '99901,2,M51.16'), /Row 3: this row has 3 values/],
    ['a value beyond the header', appended(HCPCS, '99901,2,62323,1,1,N,2025-01-02,x,y,EXTRA'), /Row 10: this row has a value in position 10/],
    ['a bad article number', withRow(COVERED, 3, '99X01,2,M51.16,1,1,N,2025-01-02 10:00:00,1,"x",'), /Row 3, column 'article_id': '99X01' is not an article number/],
    ['a bad article version', withRow(COVERED, 3, '99901,two,M51.16,1,1,N,2025-01-02 10:00:00,1,"x",'), /Row 3, column 'article_version': 'two'/],
    ['a version 0', withRow(HCPCS, 2, '99901,0,62323,1,1,N,2024-01-02 10:00:00,a,b'), /Row 2, column 'article_version': '0'/],
    ['a bad ICD-10 code', withRow(COVERED, 3, '99901,2,M5,1,1,N,2025-01-02 10:00:00,1,"x",'), /Row 3, column 'icd10_code_id': 'M5' is not an ICD-10-CM code/],
    ['an ICD-9 code', withRow(COVERED, 3, '99901,2,724.4,1,1,N,2025-01-02 10:00:00,1,"x",'), /'724\.4' is not an ICD-10-CM code/],
    ['a bad group number', withRow(COVERED, 3, '99901,2,M51.16,1,one,N,2025-01-02 10:00:00,1,"x",'), /column 'icd10_covered_group': 'one' is not a group number/],
    ['a duplicate covered code', appended(COVERED, '99901,2,M54.16,1,1,N,2025-01-02 10:00:00,9,"Radiculopathy, lumbar region",'), /Row 12, column 'icd10_code_id': M54\.16 is listed again in group 1 of article A99901 \(first on row 4\)/],
    ['a group with two paragraphs', appended(GROUPS, '99901,2,1,"<p>again</p>",2025-01-02 10:00:00,'), /group 1 of article A99901 version 2 has a second paragraph \(first on row 3\)/],
    ['a bad HCPCS code', withRow(HCPCS, 3, '99901,2,6232,1,1,N,2025-01-02 10:00:00,a,b'), /Row 3, column 'hcpc_code_id': '6232' is not a HCPCS\/CPT code/],
    ['an unterminated quote', withRow(GROUPS, 3, '99901,2,1,"<p>never closed,2025-01-02 10:00:00,'), /quote|Row 3/],
    ['a header with no rows', withFile(HCPCS, `${HCPCS.text.split('\n')[0] ?? ''}\n`), /Row 1: the MCD article HCPCS codes header is here but no data rows follow it/],
    ['a covered file from another download layout', withFile(COVERED, 'code,description\nM54.16,Radiculopathy\n'), /article_x_icd10_covered\.csv file .* is missing/],
    ['no pain-management article', [COVERED, GROUPS, { ...HCPCS, text: HCPCS.text.split('\n').filter((l) => !/^9990[12]/.test(l)).join('\n') }], /no procedure code|No article/],
  ]
  it.each(malformed)('refuses %s, naming the file, row and column, and keeps nothing', (_name, files, message) => {
    const result = parseCoverageArticles(files, { keepHcpcs: PAIN })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(message)
    expect(result).not.toHaveProperty('articles')
  })
})
