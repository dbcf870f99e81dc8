import type { WorksheetStore } from '../../storage/index.ts'
import { backupFileName, backupToJson, countBackup } from '../../storage/backup.ts'
import { downloadText } from '../../lib/download.ts'
import { localDate, totalOf } from './tables.ts'

/** Reads every record, writes the backup file and hands it to the browser's download; returns the file name and record count. */
export async function downloadBackup(store: WorksheetStore, now: Date = new Date()): Promise<{ fileName: string; records: number }> {
  const data = await store.exportBackup()
  const fileName = backupFileName(localDate(now))
  downloadText(fileName, backupToJson(data, now.toISOString()), 'application/json')
  return { fileName, records: totalOf(countBackup(data)) }
}
