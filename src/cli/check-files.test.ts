import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFiles, exitCodeFor, loadNcciTables, summaryLine, type CheckResult } from './check-files.ts'

const root = resolve(import.meta.dirname, '../..')
const read = (path: string) => readFileSync(resolve(root, path), 'utf8')
const exampleText = read('src/domain/fixtures/issue-example.json')
const example = JSON.parse(exampleText) as { encounter: Record<string, unknown>; history: unknown[] }
const today = '2026-11-26'

function okResult(r: CheckResult | undefined) {
  if (!r?.ok) throw new Error(`expected an ok result, got ${JSON.stringify(r)}`)
  return r
}
function badResult(r: CheckResult | undefined) {
  if (!r || r.ok) throw new Error(`expected a failed result, got ${JSON.stringify(r)}`)
  return r
}

describe('checkFiles', () => {
  it('evaluates a file holding one input as index 0', () => {
    const results = checkFiles([{ name: 'one.json', text: exampleText }], { today })
    expect(results).toHaveLength(1)
    const r = okResult(results[0])
    expect(r).toMatchObject({ file: 'one.json', index: 0, ok: true })
    expect(Object.keys(r.result).sort()).toEqual(['counters', 'findings', 'lines', 'payerProfileId'])
    expect(r.result.payerProfileId).toBe('medicare')
    expect(r.result.lines.map((l) => l.code)).toContain('64493')
    expect(r.result.findings.length).toBeGreaterThan(0)
    expect(exitCodeFor(results)).toBe(0)
  })

  it('evaluates an array of inputs in array order', () => {
    const second = { ...example, encounter: { ...example.encounter, payerProfile: 'commercial-example' } }
    const text = JSON.stringify([example, second, example])
    const results = checkFiles([{ name: 'many.json', text }], { today })
    expect(results.map((r) => [r.file, r.index, r.ok])).toEqual([
      ['many.json', 0, true],
      ['many.json', 1, true],
      ['many.json', 2, true],
    ])
    expect(okResult(results[1]).result.payerProfileId).toBe('commercial-example')
  })

  it('reports an invalid input with the paths of its issues, and keeps checking the rest', () => {
    const broken = {
      encounter: {
        ...example.encounter,
        dateOfService: '2026-02-30',
        procedures: [{ type: 'epidural', approach: 'sideways', purpose: 'therapeutic', guidance: 'fluoroscopy' }],
      },
    }
    const results = checkFiles([{ name: 'mixed.json', text: JSON.stringify([broken, example]) }], { today })
    const bad = badResult(results[0])
    expect(bad.index).toBe(0)
    const paths = bad.errors.map((e) => e.path)
    expect(paths).toContain('encounter.dateOfService')
    expect(paths).toContain('encounter.procedures.0.approach')
    for (const e of bad.errors) expect(e.message).not.toBe('')
    expect(okResult(results[1]).index).toBe(1)
    expect(exitCodeFor(results)).toBe(1)
  })

  it('reports a non-object element of an array at the root of that element', () => {
    const results = checkFiles([{ name: 'a.json', text: '[42]' }], { today })
    expect(badResult(results[0]).errors[0]?.path).toBe('(root)')
  })

  it('reports invalid JSON once for the file, with line and column', () => {
    const text = '{\n  "encounter": {\n    "patientId": "PT-1",\n  }\n}\n'
    const results = checkFiles([{ name: 'broken.json', text }], { today })
    expect(results).toHaveLength(1)
    const bad = badResult(results[0])
    expect(bad).toMatchObject({ file: 'broken.json', index: null, ok: false })
    expect(bad.errors).toHaveLength(1)
    expect(bad.errors[0]?.path).toBe('(file)')
    expect(bad.errors[0]?.message).toMatch(/^Invalid JSON at line 4, column 3: expected a property name/)
  })

  it('reports an empty file, a blank file and an empty array as file-level problems', () => {
    const results = checkFiles(
      [
        { name: 'empty.json', text: '' },
        { name: 'blank.json', text: ' \n\t\n' },
        { name: 'none.json', text: '[]' },
      ],
      { today },
    )
    expect(results.map((r) => [r.file, r.index, r.ok])).toEqual([
      ['empty.json', null, false],
      ['blank.json', null, false],
      ['none.json', null, false],
    ])
    expect(badResult(results[0]).errors[0]?.message).toMatch(/empty/)
    expect(badResult(results[2]).errors[0]?.message).toMatch(/empty array/)
  })

  it('reads a file that starts with a byte-order mark', () => {
    const results = checkFiles([{ name: 'bom.json', text: `\uFEFF${exampleText}` }], { today })
    expect(okResult(results[0]).index).toBe(0)
  })

  it('keeps files in the order given, then array order', () => {
    const results = checkFiles(
      [
        { name: 'b.json', text: JSON.stringify([example, example]) },
        { name: 'a.json', text: '{' },
        { name: 'c.json', text: exampleText },
      ],
      { today },
    )
    expect(results.map((r) => `${r.file}#${r.index ?? '-'}`)).toEqual(['b.json#0', 'b.json#1', 'a.json#-', 'c.json#0'])
  })

  it('passes today to the rule module', () => {
    const before = okResult(checkFiles([{ name: 'x', text: exampleText }], { today: '2026-10-01' })[0])
    const after = okResult(checkFiles([{ name: 'x', text: exampleText }], { today })[0])
    expect(before.result.findings.map((f) => f.ruleId)).toContain('DOS-FUTURE')
    expect(after.result.findings.map((f) => f.ruleId)).not.toContain('DOS-FUTURE')
  })
})

describe('summaryLine', () => {
  it('counts findings by severity for a valid input, and names the first problem otherwise', () => {
    const [good, bad, file] = checkFiles(
      [
        { name: 'x.json', text: JSON.stringify([example, { encounter: {} }]) },
        { name: 'y.json', text: '' },
      ],
      { today },
    )
    const r = okResult(good)
    const count = (s: string) => r.result.findings.filter((f) => f.severity === s).length
    expect(summaryLine(r)).toBe(`x.json#0: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info`)
    expect(summaryLine(badResult(bad))).toMatch(/^x\.json#1: invalid input, \d+ problems: encounter\.\w+: .+ \(and \d+ more\)$/)
    expect(summaryLine(badResult(file))).toBe('y.json#-: invalid input, 1 problem: (file): The file is empty')
  })
})

describe('loadNcciTables', () => {
  const fixture = (name: string) => ({ name, text: read(`src/domain/ncci/fixtures/${name}`) })

  it('loads an MUE table and merges PTP parts, dated by the quarter', () => {
    const loaded = loadNcciTables({
      mue: { file: fixture('mue-practitioner-2026q4.csv'), quarter: '2026Q4' },
      ptp: { files: [fixture('ptp-practitioner-2026q4-f1.txt'), fixture('ptp-practitioner-2026q4-f2.txt')], quarter: '2026Q4' },
    })
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'))
    expect(loaded.tables.mue?.map((t) => [t.quarter, t.effectiveFrom, t.effectiveTo])).toEqual([['2026Q4', '2026-10-01', '2026-12-31']])
    expect(loaded.tables.ptp).toHaveLength(1)
    expect(loaded.tables.ptp?.[0]?.effectiveTo).toBe('2026-12-31')

    const withTables = okResult(checkFiles([{ name: 'x', text: exampleText }], { today, ncci: loaded.tables })[0])
    const without = okResult(checkFiles([{ name: 'x', text: exampleText }], { today })[0])
    expect(without.result.findings.map((f) => f.ruleId)).toContain('NCCI-NOT-LOADED')
    expect(withTables.result.findings.map((f) => f.ruleId)).not.toContain('NCCI-NOT-LOADED')
  })

  it('returns the row errors of a bad table, naming the file', () => {
    const loaded = loadNcciTables({ mue: { file: fixture('mue-malformed-values.csv'), quarter: '2026Q4' } })
    if (loaded.ok) throw new Error('expected errors')
    expect(loaded.errors[0]).toMatch(/mue-malformed-values\.csv could not be loaded/)
    expect(loaded.errors.some((e) => e.includes('mue-malformed-values.csv: Row 11'))).toBe(true)
  })

  it('refuses a file of another kind and a quarter that is not one', () => {
    const other = loadNcciTables({ ptp: { files: [fixture('other-file.csv')], quarter: '2026Q4' } })
    expect(other.ok).toBe(false)
    const quarter = loadNcciTables({ mue: { file: fixture('mue-practitioner-2026q4.csv'), quarter: '2026Q5' } })
    expect(quarter).toEqual({ ok: false, errors: ["--mue-quarter: '2026Q5' is not a quarter written like 2026Q4"] })
  })
})
