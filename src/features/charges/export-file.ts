import {
  CHARGE_FIELDS, chargeRows, DEFAULT_CHARGE_COLUMNS, dftP03File, type ChargeColumn, type ChargeEncounter, type ChargeSettings, type Hl7Envelope,
} from '../../domain/charges/index.ts'
import { toCsv } from '../../lib/csv.ts'
import type { AuditRecord, ChargeExportRecord } from '../../storage/types.ts'
import type { LineReviewStatus } from './batch.ts'

export type { ChargeSettings }

export const DEFAULT_CHARGE_SETTINGS: ChargeSettings = Object.freeze({
  sendingApplication: 'ICW', sendingFacility: '', receivingApplication: '', receivingFacility: '',
  columns: DEFAULT_CHARGE_COLUMNS.map((c) => ({ ...c })),
})

const FIELDS: ReadonlySet<string> = new Set(CHARGE_FIELDS)

/** Saved settings read back; anything unreadable falls back to the default, field by field. */
export function parseChargeSettings(text: string | null): ChargeSettings {
  if (!text) return { ...DEFAULT_CHARGE_SETTINGS, columns: DEFAULT_CHARGE_SETTINGS.columns.map((c) => ({ ...c })) }
  let raw: unknown
  try { raw = JSON.parse(text) } catch { raw = null }
  const r = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const str = (k: keyof Omit<ChargeSettings, 'columns'>) => (typeof r[k] === 'string' ? r[k] : DEFAULT_CHARGE_SETTINGS[k])
  const columns = Array.isArray(r.columns)
    ? r.columns.filter((c): c is ChargeColumn => typeof c === 'object' && c !== null && typeof (c as ChargeColumn).header === 'string' && FIELDS.has((c as ChargeColumn).field))
    : []
  return {
    sendingApplication: str('sendingApplication'), sendingFacility: str('sendingFacility'),
    receivingApplication: str('receivingApplication'), receivingFacility: str('receivingFacility'),
    columns: columns.length > 0 ? columns.map((c) => ({ header: c.header, field: c.field })) : DEFAULT_CHARGE_SETTINGS.columns.map((c) => ({ ...c })),
  }
}

/** Problems that stop a CSV export: a mapping needs columns, each with a header, headers unique. */
export function columnProblems(columns: readonly ChargeColumn[]): string[] {
  if (columns.length === 0) return ['Add at least one column.']
  const out: string[] = []
  const seen = new Set<string>()
  columns.forEach((c, i) => {
    const header = c.header.trim()
    if (header === '') out.push(`Column ${i + 1} needs a header.`)
    else if (seen.has(header)) out.push(`Column ${i + 1}: the header "${header}" is used twice.`)
    seen.add(header)
  })
  return out
}

export type ChargeFormat = 'hl7' | 'csv'

export interface ChargeFile {
  fileName: string
  text: string
  mime: string
}

/** The file name: charges-<date>-<time>.<ext>, from the local creation time given. */
export function chargeFileName(format: ChargeFormat, createdAt: string): string {
  const stamp = createdAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return `charges-${stamp}.${format}`
}

/** The charge file of the encounters, as HL7 DFT^P03 messages or as the mapped CSV (formula-safe). */
export function chargeFile(format: ChargeFormat, encounters: readonly ChargeEncounter[], settings: ChargeSettings, createdAt: string): ChargeFile {
  const fileName = chargeFileName(format, createdAt)
  if (format === 'csv') {
    return { fileName, mime: 'text/csv', text: toCsv(settings.columns.map((c) => c.header), chargeRows(encounters, settings.columns)) }
  }
  const envelope: Hl7Envelope = {
    sendingApplication: settings.sendingApplication, sendingFacility: settings.sendingFacility,
    receivingApplication: settings.receivingApplication, receivingFacility: settings.receivingFacility,
    createdAt, controlIdPrefix: createdAt.slice(0, 19).replace(/\D/g, ''), processingId: 'P',
  }
  return { fileName, mime: 'application/hl7-v2', text: dftP03File(encounters, envelope) }
}

/** The encounter's status as the audit log records it at export: overridden, approved or no findings. */
export function exportedStatus(statuses: readonly LineReviewStatus[]): LineReviewStatus {
  if (statuses.includes('overridden')) return 'overridden'
  if (statuses.includes('approved')) return 'approved'
  return 'no-findings'
}

const FORMAT_WORDS: Record<ChargeFormat, string> = { hl7: 'HL7 DFT^P03', csv: 'CSV' }

/** What the store records for an export: one export record and one audit entry per encounter. */
export function exportEntries(
  exported: readonly { encounterId: string; statuses: readonly LineReviewStatus[] }[],
  file: { format: ChargeFormat; fileName: string },
  user: { id: string; name: string },
  at: string,
  newId: () => string,
): { records: ChargeExportRecord[]; audit: AuditRecord[] } {
  const records = exported.map((e) => ({ id: newId(), encounterId: e.encounterId, exportedAt: at, userId: user.id, userName: user.name, format: file.format, fileName: file.fileName }))
  const audit = exported.map((e) => ({
    id: newId(), at, userId: user.id, userName: user.name, encounterId: e.encounterId, lineIndex: null, action: 'charge-export',
    from: null, to: exportedStatus(e.statuses), reason: null, note: `${FORMAT_WORDS[file.format]} file ${file.fileName}`,
  }))
  return { records, audit }
}
