import { describe, expect, it } from 'vitest'
import type { ColumnMapping } from '../../domain/history-import/index.ts'
import { parseHistoryCsv } from '../../domain/history-import/index.ts'
import type { HistoryCommitResult } from '../../group-api/index.ts'
import { ApiError, CLIENT_ERRORS } from './api-error.ts'
import { createFakeGroupClient, type FakeGroupClient } from './fake-client.ts'
import { countLines, splitHistoryText, uploadHistory, utf8Length } from './history-upload.ts'
import { IDS } from './test-fixtures.ts'

const MAPPING: ColumnMapping = { patient: 0, dateOfService: 1, code: 2, modifiers: [3], units: 4, provider: 5 }
const HEADER = 'patient_id,dos,cpt,modifiers,units,provider_npi'
const IMPORT_ID = '00000000-0000-4000-8000-0000000017a1'

function csv(count: number, provider = (i: number) => `NPI${1000 + (i % 7)}`): string {
  const rows = Array.from({ length: count }, (_, i) => `PT-${i % 9},2026-0${1 + (i % 9)}-1${i % 10},64483,RT,1,${provider(i)}`)
  return `${HEADER}\n${rows.join('\n')}\n`
}

const committed = (added: number, duplicates = 0): HistoryCommitResult => ({
  import: { id: IMPORT_ID, fileName: 'history.csv', importedAt: '2026-12-01T15:00:00.000Z', importedBy: IDS.casey, importedByName: 'Casey Coder', rows: added, duplicates },
  added, duplicates,
})

/** A server that stages what it gets, as the real one would (every line once, in row order). */
function fakeServer(): FakeGroupClient & { staged: Map<number, string>; head: () => string } {
  const client = createFakeGroupClient()
  const staged = new Map<number, string>()
  let head = ''
  client
    .on('startHistoryImport', ({ body }) => { head = body.head; return { id: IMPORT_ID } })
    .on('addHistoryPart', ({ body }) => { staged.set(body.firstRow, body.text); return { rows: countLines(body.text), staged: staged.size } })
    .on('commitHistoryImport', () => committed(40))
    .on('abortHistoryImport', () => null)
  return Object.assign(client, { staged, head: () => head })
}

describe('splitting a history file for upload', () => {
  it('puts every line in exactly one of the head and the parts, whole rows only, each part within its size', () => {
    const text = csv(500)
    const split = splitHistoryText(text, 1000)
    expect(split.head + split.parts.map((p) => p.text).join('')).toBe(text)
    expect(split.lines).toBe(501)
    // The head: the header and the rows the parser's header search looks at (and a few more).
    expect(split.headLines).toBe(25)
    let row = split.headLines + 1
    for (const part of split.parts) {
      expect(part.firstRow).toBe(row)
      expect(part.text.length).toBeLessThanOrEqual(1000)
      expect(part.text.endsWith('\n')).toBe(true)
      row += countLines(part.text)
    }
    expect(row - 1).toBe(split.lines)
  })

  it('keeps a quoted value with line breaks (and doubled quotes) inside one part; the line numbers stay the file\'s', () => {
    const text = csv(120, (i) => (i % 5 === 0 ? `"DR ${i}\nSUITE ""B"", 2F"` : 'NPI1'))
    const split = splitHistoryText(text, 300)
    expect(split.head + split.parts.map((p) => p.text).join('')).toBe(text)
    for (const part of split.parts) expect((part.text.match(/"/g) ?? []).length % 2).toBe(0)
    // Each part read under the head gives the rows of the file at the file's own line numbers.
    const whole = parseHistoryCsv(text, { mapping: MAPPING, dateFormat: 'YYYY-MM-DD' })
    if (!whole.ok) throw new Error(JSON.stringify(whole.errors))
    const again: number[] = []
    for (const part of split.parts) {
      const parsed = parseHistoryCsv(split.head + part.text, { mapping: MAPPING, dateFormat: 'YYYY-MM-DD' })
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
      again.push(...parsed.rows.filter((r) => r.sourceRow > split.headLines).map((r) => part.firstRow + r.sourceRow - split.headLines - 1))
    }
    expect(again).toEqual(whole.rows.filter((r) => r.sourceRow > split.headLines).map((r) => r.sourceRow))
  })

  it('a quote inside an unquoted value is a character, as the parser reads it; CRLF line ends and a byte-order mark are kept', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `PT-${i},2026-01-05,64483,RT,1,5" NEEDLE ${i}`)
    const text = `\ufeff${HEADER}\r\n${rows.join('\r\n')}\r\n`
    const split = splitHistoryText(text, 200)
    expect(split.head.startsWith('\ufeff')).toBe(true)
    expect(split.head + split.parts.map((p) => p.text).join('')).toBe(text)
    for (const part of split.parts) expect(part.text.length).toBeLessThanOrEqual(200)
  })

  it('a file shorter than the head has no parts; a row longer than a part is a part of its own', () => {
    expect(splitHistoryText(csv(5)).parts).toEqual([])
    const long = `${csv(30)}PT-X,2026-01-05,64483,RT,1,${'N'.repeat(500)}\nPT-Y,2026-01-06,64483,RT,1,NPI1\n`
    const split = splitHistoryText(long, 200)
    expect(split.parts.some((p) => p.text.length > 200 && p.text.startsWith('PT-X'))).toBe(true)
    expect(split.head + split.parts.map((p) => p.text).join('')).toBe(long)
  })

  it('counts UTF-8 bytes for progress', () => {
    expect(utf8Length('abc')).toBe(3)
    expect(utf8Length('é')).toBe(2)
    expect(utf8Length('€')).toBe(3)
    expect(utf8Length('💉')).toBe(4)
  })
})

describe('uploading a history file', () => {
  it('starts with the head, the mapping and the line count, sends every part once, then commits with an idempotency key', async () => {
    const server = fakeServer()
    const text = csv(300)
    const progress: [number, number][] = []
    const answer = await uploadHistory(server, { fileName: 'history.csv', text, mapping: MAPPING, dateFormat: 'YYYY-MM-DD' },
      { partChars: 800, onProgress: (sent, total) => progress.push([sent, total]) })
    expect(answer).toEqual(committed(40))
    const [start] = server.callsTo('startHistoryImport')
    expect(start.body).toEqual({ fileName: 'history.csv', mapping: MAPPING, dateFormat: 'YYYY-MM-DD', head: server.head(), lines: 301 })
    const split = splitHistoryText(text, 800)
    expect([...server.staged.entries()].sort(([a], [b]) => a - b)).toEqual(split.parts.map((p) => [p.firstRow, p.text]))
    expect(server.callsTo('addHistoryPart')).toHaveLength(split.parts.length)
    const [commit] = server.callsTo('commitHistoryImport')
    expect(commit.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,100}$/)
    expect(server.callsTo('abortHistoryImport')).toEqual([])
    expect(progress.at(-1)).toEqual([utf8Length(text), utf8Length(text)])
    expect(progress.map(([s]) => s)).toEqual([...progress.map(([s]) => s)].sort((a, b) => a - b))
  })

  it('a part the server refuses: the import is abandoned, nothing is committed, and the server\'s message (with the row) is thrown', async () => {
    const server = fakeServer()
    const refusal = new ApiError(422, 'invalid-rows', "Row 140, column 'dos': '2026-02-30' is not a date of service under YYYY-MM-DD.", 'text')
    server.on('addHistoryPart', ({ body }) => {
      if (body.firstRow > 100) throw refusal
      return { rows: 1, staged: 1 }
    })
    const error = await uploadHistory(server, { fileName: 'history.csv', text: csv(300), mapping: MAPPING, dateFormat: 'YYYY-MM-DD' }, { partChars: 800 })
      .then(() => null, (e: unknown) => e)
    expect(error).toBe(refusal)
    expect(server.callsTo('commitHistoryImport')).toEqual([])
    expect(server.callsTo('abortHistoryImport').map((c) => c.params)).toEqual([{ id: IMPORT_ID }])
  })

  it('a lost answer is sent again: a part under its own firstRow, the commit under the same idempotency key', async () => {
    const server = fakeServer()
    let partFailures = 1
    let commitFailures = 1
    server.on('addHistoryPart', ({ body }) => {
      if (partFailures-- > 0) throw new ApiError(0, CLIENT_ERRORS.network, 'unreachable')
      return { rows: countLines(body.text), staged: 1 }
    })
    server.on('commitHistoryImport', () => {
      if (commitFailures-- > 0) throw new ApiError(0, CLIENT_ERRORS.network, 'unreachable')
      return committed(300)
    })
    const answer = await uploadHistory(server, { fileName: 'history.csv', text: csv(300), mapping: MAPPING, dateFormat: 'YYYY-MM-DD' }, { partChars: 800, concurrency: 1 })
    expect(answer.added).toBe(300)
    const commits = server.callsTo('commitHistoryImport')
    expect(commits).toHaveLength(2)
    expect(commits[0].idempotencyKey).toBe(commits[1].idempotencyKey)
    const parts = server.callsTo('addHistoryPart')
    expect((parts[0].body as { firstRow: number }).firstRow).toBe((parts[1].body as { firstRow: number }).firstRow)
    expect(server.callsTo('abortHistoryImport')).toEqual([])
  })

  it('cancelling abandons the server\'s import and throws the abort', async () => {
    const server = fakeServer()
    const controller = new AbortController()
    server.on('addHistoryPart', () => { controller.abort(); return { rows: 1, staged: 1 } })
    const error = await uploadHistory(server, { fileName: 'history.csv', text: csv(300), mapping: MAPPING, dateFormat: 'YYYY-MM-DD' }, { partChars: 800, signal: controller.signal, concurrency: 1 })
      .then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(DOMException)
    expect((error as DOMException).name).toBe('AbortError')
    expect(server.callsTo('addHistoryPart')).toHaveLength(1)
    expect(server.callsTo('commitHistoryImport')).toEqual([])
    expect(server.callsTo('abortHistoryImport')).toHaveLength(1)
  })
})
