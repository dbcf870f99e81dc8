/** Export file names that are safe on every system; the download itself is src/lib/download.ts. */

/** Content types for `downloadText`. */
export const EXPORT_MIME = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
} as const

export { downloadText } from '../../../lib/download.ts'

function safeNamePart(text: string, maxLength: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, maxLength)
    .replace(/^[-_]+|[-_]+$/g, '')
}

/**
 * A file name for an export, e.g. `encounter-PT-1001-2026-10-14.json` or
 * `claim-lines-PT-1001-2026-10-14.csv`: only letters, digits, `-` and `_` from the patient
 * account and the date; a part that is empty after cleaning is left out.
 */
export function fileNameFor(kind: 'json' | 'csv', patientId: string, dateOfService: string): string {
  const prefix = kind === 'json' ? 'encounter' : 'claim-lines'
  const parts = [prefix, safeNamePart(patientId, 40), safeNamePart(dateOfService, 10)].filter((p) => p !== '')
  return `${parts.join('-')}.${kind}`
}
