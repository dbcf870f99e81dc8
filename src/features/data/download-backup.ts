import type { WorksheetStore } from '../../storage/index.ts'
import { backupFileName, backupToJson, countBackup } from '../../storage/backup.ts'
import { localDate, totalOf } from './tables.ts'

const REVOKE_AFTER_MS = 60_000

/** Reads every record, writes the backup file and hands it to the browser's download; returns the file name and record count. */
export async function downloadBackup(store: WorksheetStore, now: Date = new Date()): Promise<{ fileName: string; records: number }> {
  const data = await store.exportBackup()
  const fileName = backupFileName(localDate(now))
  const url = URL.createObjectURL(new Blob([backupToJson(data, now.toISOString())], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
  return { fileName, records: totalOf(countBackup(data)) }
}
