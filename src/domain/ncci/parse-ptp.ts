import { DEFAULT_MAX_BYTES, ErrorList, readDelimitedTable, type TableSpec } from './delimited.ts'
import { checkMeta, internText, isHcpcsCode, parseYyyymmdd, showValue } from './field-rules.ts'
import type { NcciFileMeta, NcciParseError, NcciParseOptions, ParseResult, PtpEdit, PtpModifierIndicator, PtpTable } from './types.ts'

/**
 * The CMS practitioner PTP edit files (ccipra-vNNNrN-f1.txt … -f4.txt, one zip per part,
 * split by column 1 code range). Tab-delimited text whose header is wrapped over four rows
 * under a notice and a title:
 *
 *   CPT only copyright 2025 American Medical Association.  All rights reserved.<tabs>
 *   Column1/Column2 Edits<tabs>
 *   Column 1 <tab> Column 2 <tab> *=in existence <tab> Effective <tab> Deletion <tab> Modifier <tab> PTP Edit Rationale
 *            <tab>          <tab> prior to 1996  <tab> Date      <tab> Date     <tab> 0=not allowed
 *                                                              <tab> *=no data <tab> 1=allowed
 *                                                                               <tab> 9=not applicable
 *   0001U <tab> 0030U <tab> <tab> 20180701 <tab> * <tab> 1 <tab> Misuse of Column Two code with Column One code
 *
 * Spreadsheet exports that put the whole header on one row ("Deletion Date *=no data") read the same.
 */

type PtpColumn = 'column1' | 'column2' | 'prior1996' | 'effective' | 'deletion' | 'modifier' | 'rationale'

function matchesNumberedColumn(s: string, digit: string, word: string, other: string, otherWord: string): boolean {
  const after = s.charCodeAt(7)
  const numbered = s.startsWith(`column${digit}`) && !(after >= 48 && after <= 57)
  // "Column1/Column2 Edits" is CMS's title row, not a header cell.
  return (numbered || s.startsWith(`column${word}`)) && !s.includes(`column${other}`) && !s.includes(`column${otherWord}`)
}

const PTP_SPEC: TableSpec<PtpColumn> = {
  what: 'practitioner PTP',
  columns: [
    { key: 'column1', label: 'Column 1', required: true, matches: (s) => matchesNumberedColumn(s, '1', 'one', '2', 'two') },
    { key: 'column2', label: 'Column 2', required: true, matches: (s) => matchesNumberedColumn(s, '2', 'two', '1', 'one') },
    {
      key: 'prior1996',
      label: '*=in existence prior to 1996',
      required: false,
      matches: (s) => s.includes('inexistence') || s.includes('1996'),
    },
    { key: 'effective', label: 'Effective Date', required: true, matches: (s) => s.includes('effective') },
    { key: 'deletion', label: 'Deletion Date *=no data', required: true, matches: (s) => s.includes('deletion') },
    {
      key: 'modifier',
      label: 'Modifier 0=not allowed 1=allowed 9=not applicable',
      required: true,
      matches: (s) => s.includes('modifier'),
    },
    { key: 'rationale', label: 'PTP Edit Rationale', required: false, matches: (s) => s.includes('rationale') },
  ],
  codeColumns: ['column1', 'column2'],
}

/**
 * Parses one practitioner PTP edit file (one of CMS's parts) as published: tab-delimited
 * text, or a comma/pipe-separated copy. Returns the whole table or, if any row is bad,
 * only the errors. The "in existence prior to 1996" mark is read past: nothing uses it.
 */
export function parsePtpFile(
  text: string,
  meta: NcciFileMeta,
  options: NcciParseOptions = {},
): ParseResult<PtpTable> {
  const checked = checkMeta(meta)
  if (!checked.ok) return checked
  const errors = new ErrorList()
  const edits = new Map<string, PtpEdit[]>()
  // A file reuses a few thousand dates and a few dozen rationales across its rows.
  const dates = new Map<string, string | null>()
  const rationales = new Map<string, string>()
  const isoOf = (raw: string): string | null => {
    let iso = dates.get(raw)
    if (iso === undefined) {
      iso = parseYyyymmdd(raw)
      dates.set(raw, iso)
    }
    return iso
  }

  const summary = readDelimitedTable(text, PTP_SPEC, options.maxBytes ?? DEFAULT_MAX_BYTES, errors, (cells, line, layout) => {
    const { index, name } = layout
    const before = errors.count

    const column1 = (cells[index.column1] ?? '').trim()
    const column2 = (cells[index.column2] ?? '').trim()
    for (const [code, column] of [[column1, name.column1], [column2, name.column2]] as const) {
      if (!isHcpcsCode(code)) {
        errors.cell(line, column, `${showValue(code)} is not a HCPCS/CPT code (5 characters: four digits then a ` +
          'digit or capital letter, e.g. 64493 or 0213T, or a capital letter then four digits, e.g. J3301).')
      }
    }

    const rawEffective = (cells[index.effective] ?? '').trim()
    const effectiveFrom = isoOf(rawEffective)
    if (effectiveFrom === null) {
      errors.cell(line, name.effective, `${showValue(rawEffective)} is not a real date written YYYYMMDD (e.g. 20260101).`)
    }

    const rawDeletion = (cells[index.deletion] ?? '').trim()
    // CMS writes "*" (= no data) for an edit still in force; a blank cell is read the same way.
    const deletedOn = rawDeletion === '*' || rawDeletion === '' ? null : isoOf(rawDeletion)
    if (deletedOn === null && rawDeletion !== '*' && rawDeletion !== '') {
      errors.cell(line, name.deletion, `${showValue(rawDeletion)} is not a real date written YYYYMMDD, nor '*' for ` +
        'an edit that is not deleted.')
    } else if (deletedOn !== null && effectiveFrom !== null && deletedOn < effectiveFrom) {
      errors.cell(line, name.deletion, `${rawDeletion} is before the effective date ${rawEffective}.`)
    }

    const rawModifier = (cells[index.modifier] ?? '').trim()
    const modifierIndicator = readModifierIndicator(rawModifier)
    if (modifierIndicator === null) {
      errors.cell(line, name.modifier, `${showValue(rawModifier)} is not a modifier indicator; expected 0 (not ` +
        'allowed), 1 (allowed) or 9 (not applicable).')
    }

    if (errors.count > before || effectiveFrom === null || modifierIndicator === null) return
    const rationale = index.rationale >= 0 ? internText(rationales, (cells[index.rationale] ?? '').trim()) : ''
    const edit: PtpEdit = { column1, column2, effectiveFrom, deletedOn, modifierIndicator, rationale }
    const list = edits.get(column1)
    if (list) list.push(edit)
    else edits.set(column1, [edit])
  })

  if (errors.count > 0) return { ok: false, errors: errors.toArray() }
  return {
    ok: true,
    table: {
      kind: 'ptp-practitioner',
      quarter: checked.meta.quarter,
      effectiveFrom: checked.meta.effectiveFrom,
      effectiveTo: checked.meta.effectiveTo,
      edits,
    },
    warnings: [...checked.warnings, ...summary.warnings],
  }
}

function readModifierIndicator(raw: string): PtpModifierIndicator | null {
  return raw === '0' ? 0 : raw === '1' ? 1 : raw === '9' ? 9 : null
}

/**
 * Joins the parts CMS splits one quarter's practitioner PTP edits into (f1…f4) into one
 * table. Refuses parts from different quarters or with different effective dates. The
 * inputs are left unchanged.
 */
export function mergePtpTables(tables: readonly PtpTable[]): ParseResult<PtpTable> {
  const first = tables[0]
  if (first === undefined) return { ok: false, errors: [{ row: 0, message: 'There are no PTP tables to merge.' }] }
  const errors: NcciParseError[] = []
  tables.forEach((t, i) => {
    if (t.quarter !== first.quarter) {
      errors.push({ row: 0, message: `Table ${i + 1} is for quarter ${t.quarter} but table 1 is for ${first.quarter}; ` +
        'only the parts of one quarter can be merged.' })
    } else if (t.effectiveFrom !== first.effectiveFrom || t.effectiveTo !== first.effectiveTo) {
      errors.push({ row: 0, message: `Table ${i + 1} is effective ${describeRange(t)} but table 1 is effective ` +
        `${describeRange(first)}; the parts of one quarter must share their dates.` })
    }
  })
  if (errors.length > 0) return { ok: false, errors }

  const merged = new Map<string, PtpEdit[]>()
  let sharedCodes = 0
  for (const table of tables) {
    for (const [column1, list] of table.edits) {
      const existing = merged.get(column1)
      if (existing === undefined) {
        merged.set(column1, list.slice())
        continue
      }
      sharedCodes++
      for (const edit of list) existing.push(edit)
    }
  }
  const warnings = sharedCodes === 0 ? [] : [
    `${sharedCodes} column 1 code${sharedCodes === 1 ? ' appears' : 's appear'} in more than one part; ` +
      'CMS splits parts by column 1 code range, so check that the same part was not loaded twice.',
  ]
  return {
    ok: true,
    table: { kind: 'ptp-practitioner', quarter: first.quarter, effectiveFrom: first.effectiveFrom, effectiveTo: first.effectiveTo, edits: merged },
    warnings,
  }
}

function describeRange(t: PtpTable): string {
  return `${t.effectiveFrom} to ${t.effectiveTo ?? '(open)'}`
}
