import { drugCatalog, formatNdc11, isIsoDateText, NDC_UNITS, readNdc, type NdcUnit } from '../../domain/index.ts'
import type { NdcListRecord } from '../../storage/index.ts'

/** The NDC entry form as typed: every field text, the NDC in any package layout. */
export interface NdcEntryValues {
  hcpcs: string
  ndc: string
  unit: NdcUnit | ''
  description: string
  effectiveFrom: string
  effectiveTo: string
}

export type NdcEntryErrors = Partial<Record<keyof NdcEntryValues, string>>

export const EMPTY_NDC_ENTRY: Readonly<NdcEntryValues> = Object.freeze({ hcpcs: '', ndc: '', unit: '', description: '', effectiveFrom: '', effectiveTo: '' })

/** At most what the unclassified-drug narrative leaves for the name. */
export const DESCRIPTION_MAX = 80

/** The drug codes the worksheet bills, for the code picker: code and our short name. */
export const ndcDrugCodes: readonly { code: string; name: string }[] = [...drugCatalog.values()]
  .map((d) => ({ code: d.code, name: d.name }))
  .sort((a, b) => a.code.localeCompare(b.code))

/** A stored entry as the form shows it (the NDC hyphenated 5-4-2). */
export function ndcEntryValuesOf(record: NdcListRecord): NdcEntryValues {
  return {
    hcpcs: record.hcpcs, ndc: formatNdc11(record.ndc11), unit: record.unit, description: record.description,
    effectiveFrom: record.effectiveFrom ?? '', effectiveTo: record.effectiveTo ?? '',
  }
}

const isUnit = (u: string): u is NdcUnit => (NDC_UNITS as readonly string[]).includes(u)

/** Whether two date spans (null: open) share a day. */
function overlaps(a: { from: string | null; to: string | null }, b: { from: string | null; to: string | null }): boolean {
  return (a.from ?? '0000-01-01') <= (b.to ?? '9999-12-31') && (b.from ?? '0000-01-01') <= (a.to ?? '9999-12-31')
}

/**
 * Checks an entry of the practice's NDC list and makes the record to store: a drug code the
 * worksheet bills, an NDC read in any package layout and kept in the 11-digit form, the unit,
 * the drug and package in the practice's words, and optional dates. The same NDC of a code may
 * not be listed twice for one day (`list` holds the stored entries; the one being edited, `id`,
 * is left out).
 */
export function readNdcEntry(
  values: NdcEntryValues,
  options: { id: string; now: string; list: readonly NdcListRecord[] },
): { ok: true; record: NdcListRecord } | { ok: false; errors: NdcEntryErrors } {
  const errors: NdcEntryErrors = {}
  const hcpcs = values.hcpcs.trim().toUpperCase()
  if (hcpcs === '') errors.hcpcs = 'Pick the drug code the NDC is billed with.'
  else if (!drugCatalog.has(hcpcs)) errors.hcpcs = `${hcpcs} is not a drug code the worksheet bills.`
  const ndc = readNdc(values.ndc)
  if (values.ndc.trim() === '') errors.ndc = 'Enter the NDC as printed on the package, e.g. 12345-6789-01.'
  else if (!ndc.ok) errors.ndc = ndc.message
  if (!isUnit(values.unit)) errors.unit = 'Pick the unit the NDC quantity is counted in.'
  const description = values.description.trim().replace(/\s+/g, ' ')
  if (description === '') errors.description = 'Name the drug and package, e.g. dexamethasone 10 mg/mL, 1 mL vial.'
  else if (description.length > DESCRIPTION_MAX) errors.description = `Keep the name to ${DESCRIPTION_MAX} characters (now ${description.length}).`
  const from = values.effectiveFrom.trim()
  const to = values.effectiveTo.trim()
  if (from !== '' && !isIsoDateText(from)) errors.effectiveFrom = 'Use a real date written YYYY-MM-DD, or leave it empty.'
  if (to !== '' && !isIsoDateText(to)) errors.effectiveTo = 'Use a real date written YYYY-MM-DD, or leave it empty.'
  else if (to !== '' && from !== '' && !errors.effectiveFrom && to < from) errors.effectiveTo = 'The last day must not be before the first day.'
  if (!errors.hcpcs && !errors.ndc && !errors.effectiveFrom && !errors.effectiveTo && ndc.ok) {
    const span = { from: from || null, to: to || null }
    const twin = options.list.find((e) => e.id !== options.id && e.hcpcs === hcpcs && e.ndc11 === ndc.ndc11 && overlaps(span, { from: e.effectiveFrom, to: e.effectiveTo }))
    if (twin) errors.ndc = `${formatNdc11(ndc.ndc11)} is already listed for ${hcpcs} on some of these days: change its dates instead.`
  }
  if (Object.keys(errors).length > 0 || !ndc.ok || !isUnit(values.unit)) return { ok: false, errors }
  return {
    ok: true,
    record: { id: options.id, hcpcs, ndc11: ndc.ndc11, description, unit: values.unit, effectiveFrom: from || null, effectiveTo: to || null, updatedAt: options.now },
  }
}

/** The days an entry is used on, in words. */
export function ndcEntryDates(record: Pick<NdcListRecord, 'effectiveFrom' | 'effectiveTo'>): string {
  if (record.effectiveFrom && record.effectiveTo) return `${record.effectiveFrom} to ${record.effectiveTo}`
  if (record.effectiveFrom) return `from ${record.effectiveFrom}`
  if (record.effectiveTo) return `until ${record.effectiveTo}`
  return 'any date'
}
