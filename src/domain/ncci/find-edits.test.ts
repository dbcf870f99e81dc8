import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findMue, findPtpEdits, isPtpEditActiveOn, selectTable } from './find-edits.ts'
import { parseMueFile } from './parse-mue.ts'
import { mergePtpTables, parsePtpFile } from './parse-ptp.ts'
import type { MueTable, NcciFileMeta, ParseResult, PtpEdit, PtpTable } from './types.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

function table<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.table
}

const Q3: NcciFileMeta = { quarter: '2026Q3', effectiveFrom: '2026-07-01', effectiveTo: '2026-09-30' }
const Q4: NcciFileMeta = { quarter: '2026Q4', effectiveFrom: '2026-10-01' }
const MUE_TEXT = fixture('mue-practitioner-2026q4.csv')
const mueQ4 = table(parseMueFile(MUE_TEXT, Q4))
// The Q3 table gives 64494 two units, so which table answered is visible in the value.
const mueQ3 = table(parseMueFile(MUE_TEXT.replace('64494,1,', '64494,2,'), Q3))
const ptpQ4 = table(parsePtpFile(fixture('ptp-practitioner-2026q4-f1.txt'), Q4))

describe('findMue looks an MUE up by date of service', () => {
  it.each([
    ['2026-10-01', '64494', 1],
    ['2026-12-31', '64494', 1],
    ['2027-03-15', '64480', 4],
    ['2026-09-30', '64494', 2],
    ['2026-07-01', '64494', 2],
  ])('on %s finds %s with %i unit(s) in the table in force', (dos, code, value) => {
    const found = findMue([mueQ3, mueQ4], code, dos)
    expect(found?.entry?.value).toBe(value)
    expect(found?.table).toBe(dos >= '2026-10-01' ? mueQ4 : mueQ3)
  })

  it('returns the covering table with entry null for a code that table has no MUE for', () => {
    expect(findMue([mueQ4], '99999', '2026-11-02')).toEqual({ table: mueQ4, entry: null })
  })

  it('returns null when no table covers the date of service', () => {
    expect(findMue([mueQ3, mueQ4], '64494', '2026-06-30')).toBeNull()
    expect(findMue([mueQ3], '64494', '2026-10-01')).toBeNull()
    expect(findMue([], '64494', '2026-10-01')).toBeNull()
  })

  it('prefers the table that took effect last when an open-ended one overlaps it', () => {
    const openQ3 = table(parseMueFile(MUE_TEXT.replace('64494,1,', '64494,2,'), { ...Q3, effectiveTo: null }))
    expect(findMue([mueQ4, openQ3], '64494', '2026-11-02')?.table).toBe(mueQ4)
    expect(findMue([openQ3, mueQ4], '64494', '2026-11-02')?.table).toBe(mueQ4)
    expect(findMue([openQ3, mueQ4], '64494', '2026-08-02')?.table).toBe(openQ3)
  })

  it('matches the code whatever its case or surrounding spaces', () => {
    expect(findMue([mueQ4], ' j3301 ', '2026-11-02')?.entry?.code).toBe('J3301')
  })

  it('throws RangeError for a date of service that is not YYYY-MM-DD', () => {
    expect(() => findMue([mueQ4], '64494', '11/02/2026')).toThrow(RangeError)
    expect(() => findMue([mueQ4], '64494', '2026-02-30')).toThrow(RangeError)
  })
})

describe('findPtpEdits looks a PTP edit up by date of service', () => {
  const pairs = (dos: string, c1: string, c2: string, tables: readonly PtpTable[] = [ptpQ4]) =>
    findPtpEdits(tables, c1, c2, dos)?.edits.map((e) => [e.effectiveFrom, e.deletedOn, e.modifierIndicator])

  it('finds an edit in force on the date of service', () => {
    const found = findPtpEdits([ptpQ4], '64493', '77003', '2026-11-02')
    expect(found?.table).toBe(ptpQ4)
    expect(found?.edits).toEqual([expect.objectContaining({ column1: '64493', column2: '77003', modifierIndicator: 0 })])
  })

  it('drops an edit deleted before the date of service (64635/77012 deleted 2026-06-30)', () => {
    expect(pairs('2026-11-02', '64635', '77012')).toEqual([])
  })

  it('drops an edit that takes effect after the date of service, and finds it once in effect', () => {
    expect(pairs('2026-11-02', '64635', '64493')).toEqual([])
    expect(pairs('2027-01-01', '64635', '64493')).toEqual([['2027-01-01', null, 1]])
  })

  it('picks the window in force when a pair was deleted and re-added', () => {
    const history = table(parsePtpFile(fixture('ptp-practitioner-2026q4-f1.txt'), { quarter: '2023Q4', effectiveFrom: '2010-01-01' }))
    expect(pairs('2023-12-31', '64483', '76942', [history])).toEqual([['2011-01-01', '2023-12-31', 1]])
    expect(pairs('2024-01-01', '64483', '76942', [history])).toEqual([['2024-01-01', null, 0]])
  })

  it('never applies an edit deleted retroactively (indicator 9)', () => {
    expect(pairs('2026-11-02', '64493', '76942')).toEqual([])
  })

  it('treats the pair as directional', () => {
    expect(pairs('2026-11-02', '77003', '64493')).toEqual([])
    expect(pairs('2026-11-02', '64493', '64633')).toHaveLength(1)
    expect(pairs('2026-11-02', '64633', '64493')).toEqual([['2016-01-01', null, 1]])
  })

  it('returns the covering table with no edits for a pair it does not list', () => {
    expect(findPtpEdits([ptpQ4], '99213', '64493', '2026-11-02')).toEqual({ table: ptpQ4, edits: [] })
  })

  it('returns null when no table covers the date of service', () => {
    expect(findPtpEdits([ptpQ4], '64493', '77003', '2026-09-30')).toBeNull()
  })

  it('searches every part once the parts are merged', () => {
    const f2 = table(parsePtpFile(fixture('ptp-practitioner-2026q4-f2.txt'), Q4))
    const merged = table(mergePtpTables([ptpQ4, f2]))
    expect(pairs('2026-11-02', '77012', '76942', [merged])).toEqual([['2010-01-01', null, 1]])
    expect(pairs('2026-11-02', '64493', '77003', [merged])).toHaveLength(1)
  })

  it('throws RangeError for a date of service that is not YYYY-MM-DD', () => {
    expect(() => findPtpEdits([ptpQ4], '64493', '77003', '20261102')).toThrow(RangeError)
  })
})

describe('isPtpEditActiveOn reads the deletion date as the last day the edit applies', () => {
  const edit = (over: Partial<PtpEdit>): PtpEdit => ({
    column1: '64493', column2: '77003', effectiveFrom: '2024-01-01', deletedOn: '2025-12-31', modifierIndicator: 0, rationale: '', ...over,
  })

  it.each([
    ['the day before it takes effect', edit({}), '2023-12-31', false],
    ['the day it takes effect', edit({}), '2024-01-01', true],
    ['its deletion date', edit({}), '2025-12-31', true],
    ['the day after its deletion date', edit({}), '2026-01-01', false],
    ['any later day when it has no deletion date', edit({ deletedOn: null }), '2031-05-05', true],
    ['the one day of an edit deleted the day it took effect, indicator 1', edit({ deletedOn: '2024-01-01', modifierIndicator: 1 }), '2024-01-01', true],
    ['any day, for indicator 9 (retroactively deleted)', edit({ deletedOn: '2024-01-01', modifierIndicator: 9 }), '2024-01-01', false],
    ['any day, for indicator 9 even without a deletion date', edit({ deletedOn: null, modifierIndicator: 9 }), '2025-06-01', false],
  ])('on %s: %s', (_label, e, dos, active) => {
    expect(isPtpEditActiveOn(e, dos)).toBe(active)
  })
})

describe('selectTable', () => {
  it('breaks a tie on effective date by the later quarter', () => {
    const a = { quarter: '2026Q3', effectiveFrom: '2026-07-01', effectiveTo: null }
    const b = { quarter: '2026Q4', effectiveFrom: '2026-07-01', effectiveTo: null }
    expect(selectTable([b, a], '2026-08-01')).toBe(b)
    expect(selectTable<MueTable>([], '2026-08-01')).toBeNull()
  })
})
