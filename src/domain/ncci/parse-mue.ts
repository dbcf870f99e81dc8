import { DEFAULT_MAX_BYTES, ErrorList, readDelimitedTable, type TableSpec } from './delimited.ts'
import { checkMeta, internText, isHcpcsCode, showValue } from './field-rules.ts'
import type {
  MueAdjudicationIndicator,
  MueEntry,
  MueTable,
  NcciFileMeta,
  NcciParseOptions,
  ParseResult,
} from './types.ts'

/**
 * The CMS "Practitioner Services MUE Table" (MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv
 * inside the quarterly zip). Its layout, as published:
 *
 *   "<AMA copyright notice, one quoted cell spanning several lines>",,,
 *   "HCPCS/
 *   CPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale
 *   0001U,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
 *
 * The file carries no dates: the effective date is in the file name, so it comes in as meta.
 */

type MueColumn = 'code' | 'value' | 'mai' | 'rationale'

const MUE_SPEC: TableSpec<MueColumn> = {
  what: 'practitioner MUE',
  columns: [
    {
      key: 'code',
      label: 'HCPCS/CPT Code',
      required: true,
      matches: (s) => s.includes('hcpcs') || s.includes('cptcode') || s === 'code',
    },
    {
      key: 'value',
      label: 'Practitioner Services MUE Values',
      required: true,
      matches: (s) => s.includes('muevalue') || s === 'mue',
    },
    {
      key: 'mai',
      label: 'MUE Adjudication Indicator',
      required: true,
      matches: (s) => s.includes('adjudication') || s === 'mai',
    },
    { key: 'rationale', label: 'MUE Rationale', required: false, matches: (s) => s.includes('rationale') },
  ],
  codeColumns: ['code'],
  // The outpatient-hospital and DME tables share this layout but hold other limits.
  vetHeader: (names) => {
    const value = names.value.toLowerCase()
    if (value.includes('practitioner')) return null
    if (value.includes('hospital') || value.includes('outpatient') || value.includes('dme') || value.includes('supplier')) {
      return `the column '${names.value}' shows this is not the practitioner MUE table; load the ` +
        'Practitioner Services MUE Table instead.'
    }
    return null
  },
}

/** What the digit's description must mention; CMS writes "1 Line Edit", "2 Date of Service Edit: Policy", "3 ...: Clinical". */
const MAI_WORD: Record<MueAdjudicationIndicator, string> = { 1: 'line', 2: 'policy', 3: 'clinical' }
const MAX_MAI_WARNINGS = 5

/**
 * Parses the practitioner MUE table as CMS publishes it (CSV; tab- or pipe-separated copies
 * also read). Returns the whole table or, if any row is bad, only the errors.
 */
export function parseMueFile(
  text: string,
  meta: NcciFileMeta,
  options: NcciParseOptions = {},
): ParseResult<MueTable> {
  const checked = checkMeta(meta)
  if (!checked.ok) return checked
  const errors = new ErrorList()
  const entries = new Map<string, MueEntry>()
  const firstSeenOn = new Map<string, number>()
  const rationales = new Map<string, string>()
  const maiWarnings: string[] = []
  let maiMismatches = 0

  const summary = readDelimitedTable(text, MUE_SPEC, options.maxBytes ?? DEFAULT_MAX_BYTES, errors, (cells, line, layout) => {
    const { index, name } = layout
    const before = errors.count

    const code = (cells[index.code] ?? '').trim()
    if (!isHcpcsCode(code)) {
      errors.cell(line, name.code, `${showValue(code)} is not a HCPCS/CPT code (5 characters: four digits then a ` +
        'digit or capital letter, e.g. 64493 or 0213T, or a capital letter then four digits, e.g. J3301).')
    }

    const rawValue = (cells[index.value] ?? '').trim()
    const value = readWholeNumber(rawValue)
    if (typeof value === 'string') errors.cell(line, name.value, value)

    const rawMai = (cells[index.mai] ?? '').trim()
    const mai = readMai(rawMai)
    if (mai === null) {
      errors.cell(line, name.mai, `${showValue(rawMai)} is not an MUE Adjudication Indicator; expected 1, 2 or 3 ` +
        "(as in '2 Date of Service Edit: Policy').")
    }

    if (errors.count > before || typeof value === 'string' || mai === null) return

    if (mai.disagrees) {
      maiMismatches++
      if (maiWarnings.length < MAX_MAI_WARNINGS) {
        maiWarnings.push(`Row ${line}: MAI ${showValue(rawMai)} has a description that does not match its digit; ` +
          `the digit (${mai.value}) was used.`)
      }
    }

    const rationale = index.rationale >= 0 ? internText(rationales, (cells[index.rationale] ?? '').trim()) : ''
    const previous = entries.get(code)
    if (previous !== undefined) {
      const first = firstSeenOn.get(code) ?? 0
      const same = previous.value === value && previous.mai === mai.value && previous.rationale === rationale
      errors.cell(line, name.code, same
        ? `${code} is listed again (first on row ${first}); each code must appear once.`
        : `${code} is listed again with different values (row ${first}: ${describeUnits(previous.value)}, MAI ` +
          `${previous.mai}; here: ${describeUnits(value)}, MAI ${mai.value}); each code must appear once.`)
      return
    }
    firstSeenOn.set(code, line)
    entries.set(code, { code, value, mai: mai.value, rationale })
  })

  if (errors.count > 0) return { ok: false, errors: errors.toArray() }
  const warnings = [...checked.warnings, ...summary.warnings, ...maiWarnings]
  if (maiMismatches > maiWarnings.length) {
    warnings.push(`…and ${maiMismatches - maiWarnings.length} more rows whose MAI description does not match its digit.`)
  }
  return {
    ok: true,
    table: {
      kind: 'mue-practitioner',
      quarter: checked.meta.quarter,
      effectiveFrom: checked.meta.effectiveFrom,
      effectiveTo: checked.meta.effectiveTo,
      entries,
    },
    warnings,
  }
}

/** The number, or a sentence saying why the text is not a whole number of units. */
function readWholeNumber(raw: string): number | string {
  if (raw === '') return 'the value is empty; expected a whole number of units.'
  const negative = raw.charCodeAt(0) === 45
  const digits = negative ? raw.slice(1) : raw
  let allDigits = digits.length > 0
  for (let i = 0; i < digits.length && allDigits; i++) {
    const c = digits.charCodeAt(i)
    allDigits = c >= 48 && c <= 57
  }
  if (!allDigits) return `${showValue(raw)} is not a whole number.`
  if (negative) return `${showValue(raw)} is negative; an MUE value is 0 or more units.`
  // No MUE comes near a million units; a longer number is a shifted or corrupted column.
  if (digits.length > 6) return `${showValue(raw)} is too large to be an MUE value.`
  return Number(digits)
}

/** The MAI digit from "2 Date of Service Edit: Policy" or a bare "2"; null when there is none. */
function readMai(raw: string): { value: MueAdjudicationIndicator; disagrees: boolean } | null {
  const d = raw.charCodeAt(0) - 48
  if (d !== 1 && d !== 2 && d !== 3) return null
  if (raw.length > 1) {
    const next = raw.charCodeAt(1)
    if ((next >= 48 && next <= 57) || next === 46 || next === 44) return null
  }
  const description = raw.slice(1).trim().toLowerCase()
  return { value: d, disagrees: description !== '' && !description.includes(MAI_WORD[d]) }
}

function describeUnits(n: number): string {
  return `${n} unit${n === 1 ? '' : 's'}`
}
