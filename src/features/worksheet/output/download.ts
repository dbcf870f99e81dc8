/** Browser side of export: save text as a file, under a name that is safe on every system. */

/** Content types for `downloadText`. */
export const EXPORT_MIME = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
} as const

/** Object URLs are revoked after this delay: revoking at once can cancel the download in some browsers. */
const REVOKE_AFTER_MS = 10_000

/** Saves `text` as a download named `filename`, with no server round trip. */
export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}

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
