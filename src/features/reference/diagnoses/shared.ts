/** Small pieces the diagnosis-list screens share. */

export const SHOWN_ERRORS = 100

/** Today's local date, ISO. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

/** "file: Row N, column X: message"; file-wide problems (row 0) read as they are. */
export function describeRowError(e: { row: number; column?: string; message: string; file?: string }): string {
  const where = e.row === 0 ? '' : `Row ${e.row}${e.column ? `, column ${e.column}` : ''}: `
  return `${e.file ? `${e.file}: ` : ''}${where}${e.message}`
}

export const fileInputClass = 'max-w-full text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-medium'

/** Another practice on the group server loaded it: only an admin of that practice can remove it (the server refuses anyone else). */
export const loadedByAnotherPractice = (record: { group?: { byName: string | null } }): boolean => record.group !== undefined && record.group.byName === null
