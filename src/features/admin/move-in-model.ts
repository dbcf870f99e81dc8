import type { MoveInCommitResult, MoveInCount, MoveInPreview, MoveInTable } from '../../group-api/index.ts'
import { backupToJson, parseBackup } from '../../storage/backup.ts'
import { ApiError, describeError } from '../../storage/group/index.ts'
import type { MoveInSource } from '../../storage/group/move-in-upload.ts'
import type { BackupData } from '../../storage/types.ts'

/** What the practice calls each table a move-in brings. */
export const MOVE_IN_TABLE_LABELS: Record<MoveInTable, string> = {
  encounters: 'Finalized encounters',
  history: 'Claim history lines',
  providers: 'Providers',
  payerProfiles: 'Custom payer profiles',
  practiceCases: 'Practice cases',
  coverageSettings: 'Coverage choices',
  ndcList: 'NDC list entries',
  chargeSettings: 'Charge file settings',
  attempts: 'Training attempts',
  chargeExports: 'Charge exports',
}

/** The backup's tables a move-in leaves on the workstation, in the app's words. */
const BACKUP_TABLE_LABELS: Record<string, string> = {
  remittances: 'Remittances',
  drafts: 'Drafts',
  imports: 'History import list',
  ncci: 'NCCI tables',
  icd10: 'ICD-10-CM releases',
  coverageArticles: 'Billing articles',
  users: 'User profiles',
  audit: 'Review log',
  chargeExports: 'Charge export log',
}
export const skippedTableLabel = (table: string): string => BACKUP_TABLE_LABELS[table] ?? table

export interface PreviewRow {
  table: MoveInTable
  label: string
  inFile: number
  add: number
  duplicates: number
}

/** The preview's rows, tables with nothing in the file left out. */
export function previewRows(counts: readonly MoveInCount[]): PreviewRow[] {
  return counts.filter((c) => c.inFile > 0).map((c) => ({ ...c, label: MOVE_IN_TABLE_LABELS[c.table] }))
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** One sentence: what the commit adds and how many duplicates it skips. */
export function previewSummary(preview: Pick<MoveInPreview, 'counts' | 'patients' | 'decisions'>): string {
  const add = preview.counts.reduce((n, c) => n + c.add, 0)
  const duplicates = preview.counts.reduce((n, c) => n + c.duplicates, 0)
  if (add === 0) {
    return duplicates === 0 ? 'The file holds nothing to move in.' : `Everything in the file is already in the practice (${plural(duplicates, 'duplicate')}): moving it in adds nothing.`
  }
  const decisions = preview.decisions > 0 ? `, with ${plural(preview.decisions, 'review decision')}` : ''
  const skipped = duplicates > 0 ? ` ${plural(duplicates, 'duplicate')} already in the practice will be skipped.` : ''
  return `Moving in adds ${plural(add, 'record')} for ${plural(preview.patients, 'patient')}${decisions}.${skipped}`
}

/** What the commit did. */
export function commitSummary(result: Pick<MoveInCommitResult, 'counts' | 'decisions'>): string {
  const added = result.counts.filter((c) => c.add > 0).map((c) => `${MOVE_IN_TABLE_LABELS[c.table].toLowerCase()} ${c.add.toLocaleString('en-US')}`)
  const duplicates = result.counts.reduce((n, c) => n + c.duplicates, 0)
  const what = added.length > 0 ? `Moved in: ${added.join(', ')}.` : 'Nothing was added: everything was already in the practice.'
  return `${what}${duplicates > 0 ? ` ${plural(duplicates, 'duplicate')} skipped.` : ''}`
}

/** Why a file was refused, said so the admin knows that nothing was stored and what to do. */
export function refusalMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.error) {
      case 'already-moved-in': return error.message
      case 'invalid-backup': return error.message
      case 'fingerprint-mismatch': return `${error.message} Check the connection and try again.`
      case 'too-large': return `The file is too large to move in: ${error.message}`
      case 'forbidden': return 'Only an admin of the practice can move a workstation\'s data in.'
    }
  }
  const said = describeError(error)
  return `${said}${/nothing (was|is) (stored|saved)/i.test(said) ? '' : ' Nothing was stored.'}`
}

export type LocalCheck = { ok: true; source: MoveInSource } | { ok: false; message: string }

/**
 * Reads the file in this browser first, with the same parser the server uses, so a file the
 * server would refuse is refused before anything is sent (the server checks it again anyway).
 */
export function checkLocally(source: MoveInSource): LocalCheck {
  const parsed = parseBackup(source.text)
  if (parsed.ok) return { ok: true, source }
  const shown = parsed.errors.slice(0, 5)
  const more = parsed.errors.length > shown.length ? ` …and ${parsed.errors.length - shown.length} more problems.` : ''
  return { ok: false, message: `${source.fileName} cannot be moved in: ${shown.join(' ')}${more} Nothing was sent.` }
}

/** This workstation's own data (the standalone app's store in this browser) as a backup file. */
export function workstationSource(data: BackupData, now: Date): MoveInSource {
  return { fileName: `workstation-${now.toISOString().slice(0, 10)}.json`, text: backupToJson(data, now.toISOString()) }
}

/** The upload's progress as a sentence. */
export function progressText(sent: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((sent / total) * 100)
  return `Sending the file: ${percent}% (${(sent / 1_048_576).toFixed(1)} of ${(total / 1_048_576).toFixed(1)} MB).`
}

/** Where the move-in stands. */
export type MoveInStep =
  | { step: 'choose' }
  | { step: 'sending'; fileName: string; sent: number; total: number }
  | { step: 'preview'; preview: MoveInPreview }
  | { step: 'committing'; preview: MoveInPreview }
  | { step: 'done'; result: MoveInCommitResult }
  | { step: 'refused'; message: string }
