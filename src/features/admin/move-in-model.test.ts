import { describe, expect, it } from 'vitest'
import type { MoveInCount, MoveInPreview } from '../../group-api/index.ts'
import { BACKUP_TABLE_NAMES, parseBackup } from '../../storage/backup.ts'
import { ApiError, CLIENT_ERRORS } from '../../storage/group/index.ts'
import { createFakeGroupClient } from '../../storage/group/fake-client.ts'
import { sha256Hex, splitMoveInText, uploadMoveIn } from '../../storage/group/move-in-upload.ts'
import type { BackupData } from '../../storage/types.ts'
import { checkLocally, commitSummary, previewRows, previewSummary, progressText, refusalMessage, workstationSource } from './move-in-model.ts'

const NOW = new Date('2026-12-01T10:00:00.000Z')
const dataWith = (fields: Partial<BackupData>): BackupData =>
  ({ ...Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, []])), ...fields }) as unknown as BackupData

const count = (table: MoveInCount['table'], inFile: number, add: number): MoveInCount => ({ table, inFile, add, duplicates: inFile - add })
const preview = (counts: MoveInCount[], fields: Partial<MoveInPreview> = {}): MoveInPreview => ({
  id: '00000000-0000-4000-8000-000000000001', fileName: 'desk.json', fingerprint: 'a'.repeat(64), exportedAt: '2026-11-30T12:00:00.000Z',
  patients: 2, counts, decisions: 0, skipped: [], ...fields,
})

describe('the preview, as the panel shows it', () => {
  it('lists the tables the file holds, with what is added and what is skipped as a duplicate', () => {
    const rows = previewRows([count('encounters', 3, 2), count('history', 0, 0), count('providers', 1, 0)])
    expect(rows).toEqual([
      { table: 'encounters', label: 'Finalized encounters', inFile: 3, add: 2, duplicates: 1 },
      { table: 'providers', label: 'Providers', inFile: 1, add: 0, duplicates: 1 },
    ])
  })

  it('sums up what the commit adds, for how many patients, and the duplicates it skips', () => {
    expect(previewSummary(preview([count('encounters', 3, 2), count('history', 10, 10)], { decisions: 1 })))
      .toBe('Moving in adds 12 records for 2 patients, with 1 review decision. 1 duplicate already in the practice will be skipped.')
    expect(previewSummary(preview([count('encounters', 1, 1)], { patients: 1 }))).toBe('Moving in adds 1 record for 1 patient.')
  })

  it('says when everything is already in the practice, and when the file is empty', () => {
    expect(previewSummary(preview([count('encounters', 2, 0), count('history', 3, 0)]))).toBe('Everything in the file is already in the practice (5 duplicates): moving it in adds nothing.')
    expect(previewSummary(preview([count('encounters', 0, 0)]))).toBe('The file holds nothing to move in.')
  })

  it('reports what the commit stored', () => {
    expect(commitSummary({ counts: [count('encounters', 3, 2), count('history', 4, 4), count('attempts', 1, 0)], decisions: 0 }))
      .toBe('Moved in: finalized encounters 2, claim history lines 4. 2 duplicates skipped.')
    expect(commitSummary({ counts: [count('providers', 1, 0)], decisions: 0 })).toBe('Nothing was added: everything was already in the practice. 1 duplicate skipped.')
  })

  it('shows the progress of the upload', () => {
    expect(progressText(524_288, 2_097_152)).toBe('Sending the file: 25% (0.5 of 2.0 MB).')
  })
})

describe('refused files', () => {
  it('passes the server\'s own explanation of a refused file on, and says nothing was stored otherwise', () => {
    const moved = new ApiError(409, 'already-moved-in', 'This file was moved into the practice already (desk.json, by Ada on 2026-11-30). The same file is moved in once; nothing was stored.')
    expect(refusalMessage(moved)).toBe(moved.message)
    expect(refusalMessage(new ApiError(422, 'fingerprint-mismatch', 'The parts received are not the file that was announced. Nothing was stored: start the move-in again.')))
      .toMatch(/Check the connection and try again\.$/)
    expect(refusalMessage(new ApiError(0, CLIENT_ERRORS.network, 'The server could not be reached.'))).toBe('The server could not be reached. Nothing was stored.')
    expect(refusalMessage(new ApiError(403, 'forbidden', 'Your role (coder) cannot do this.'))).toBe('Only an admin of the practice can move a workstation\'s data in.')
  })

  it('refuses a file this browser cannot read as a backup before sending anything, naming its problems', () => {
    const bad = checkLocally({ fileName: 'notes.json', text: '{"hello": 1}' })
    expect(bad).toEqual({ ok: false, message: 'notes.json cannot be moved in: The file is not a backup of this app: it holds no backup format marker. Nothing was sent.' })
    const good = workstationSource(dataWith({ providers: [{ id: 'dr-a', name: 'Dr A' }] }), NOW)
    expect(checkLocally(good).ok).toBe(true)
    const cut = checkLocally({ fileName: 'cut.json', text: good.text.slice(0, -20) })
    expect(cut.ok).toBe(false)
  })

  it("reads this workstation's data as a backup file the app's parser accepts", () => {
    const source = workstationSource(dataWith({ providers: [{ id: 'dr-a', name: 'Dr A' }] }), NOW)
    expect(source.fileName).toBe('workstation-2026-12-01.json')
    const parsed = parseBackup(source.text)
    expect(parsed.ok && parsed.backup.data.providers).toEqual([{ id: 'dr-a', name: 'Dr A' }])
  })
})

describe('the upload', () => {
  it('never splits a surrogate pair between parts, and the parts join to the file', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(10)}`
    const parts = splitMoveInText(text, 10)
    expect(parts.join('')).toBe(text)
    expect(parts[0]).toBe('a'.repeat(9))
    expect(parts[1].startsWith('😀')).toBe(true)
  })

  it('fingerprints the file as the server does (SHA-256 of its UTF-8 bytes)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('starts with the size and fingerprint, sends the parts in order, and answers the server\'s preview', async () => {
    const source = workstationSource(dataWith({ providers: [{ id: 'dr-é', name: 'Dr É' }] }), NOW)
    const answer = preview([count('providers', 1, 1)])
    const client = createFakeGroupClient()
      .on('startMoveIn', () => ({ id: answer.id }))
      .on('addMoveInPart', ({ body }) => ({ parts: body.index + 1, bytes: 0 }))
      .on('previewMoveIn', () => answer)
    const progress: number[] = []
    expect(await uploadMoveIn(client, source, { partChars: 200, onProgress: (sent) => progress.push(sent) })).toEqual(answer)
    const start = client.callsTo('startMoveIn')[0].body as { size: number; fingerprint: string }
    expect(start.size).toBe(new TextEncoder().encode(source.text).length)
    expect(start.fingerprint).toBe(await sha256Hex(source.text))
    const parts = client.callsTo('addMoveInPart').map((c) => c.body as { index: number; text: string })
    expect(parts.map((p) => p.index)).toEqual(parts.map((_, i) => i))
    expect(parts.map((p) => p.text).join('')).toBe(source.text)
    expect(progress.at(-1)).toBe(start.size)
  })

  it('abandons the move-in on the server when the preview refuses the file, and passes the refusal on', async () => {
    const refusal = new ApiError(422, 'invalid-backup', 'The file cannot be moved in: encounters record 2: dateOfService must be a date. Nothing was stored.')
    const client = createFakeGroupClient()
      .on('startMoveIn', () => ({ id: '00000000-0000-4000-8000-000000000002' }))
      .on('addMoveInPart', () => ({ parts: 1, bytes: 1 }))
      .on('previewMoveIn', () => { throw refusal })
      .on('abandonMoveIn', () => null)
    const source = workstationSource(dataWith({}), NOW)
    await expect(uploadMoveIn(client, source)).rejects.toBe(refusal)
    expect(client.callsTo('abandonMoveIn').map((c) => c.params)).toEqual([{ id: '00000000-0000-4000-8000-000000000002' }])
    expect(client.callsTo('commitMoveIn')).toEqual([])
  })
})
