import type { BackupTable } from '../../storage/index.ts'

/** The tables in the order the page lists them, with the names a coder knows them by. */
export const TABLE_LABELS: readonly (readonly [BackupTable, string])[] = [
  ['drafts', 'Drafts'],
  ['encounters', 'Finalized encounters'],
  ['history', 'Imported claim-history lines'],
  ['imports', 'Claim-history imports'],
  ['providers', 'Providers'],
  ['payerProfiles', 'Custom payer profiles'],
  ['ncci', 'NCCI tables'],
  ['users', 'User profiles'],
  ['audit', 'Audit log entries'],
  ['remittances', 'Remittance files'],
  ['attempts', 'Practice attempts'],
  ['practiceCases', "Practice cases (the practice's own)"],
  ['icd10', 'ICD-10-CM code sets'],
  ['coverageArticles', 'Coverage articles'],
  ['coverageSettings', 'Coverage choices'],
]

export const ALL_TABLES = ['drafts', 'encounters', 'history', 'imports', 'providers', 'ncci', 'payerProfiles', 'users', 'audit', 'remittances', 'attempts', 'practiceCases', 'icd10', 'coverageArticles', 'coverageSettings'] as const

export const totalOf = (counts: Record<BackupTable, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

export const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`

/** Today's local date, YYYY-MM-DD. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A stored time as the coder reads it: local date and time to the minute. */
export function localDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
