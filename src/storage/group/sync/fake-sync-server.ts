import type { z } from 'zod/mini'
import { attemptBody, chargeExportBody, decisionBody, finalizeBody, remittanceUploadBody, type ChargeExportResult, type ChargeExportSummary, type PracticeRecord, type Change, type ChangeList, type EncounterSummary, type HistoryImportSummary, type HistoryLineList, type HistoryLineRecord, type RemittanceSummary, type RouteName, type SyncEntity } from '../../../group-api/index.ts'
import { matchRemittance, parseRemittanceFile, repeatedPayments, summarizeImport } from '../../../domain/remittance/index.ts'
import { ApiError } from '../api-error.ts'
import { createGroupClient, type GroupClient, type PreparedRequest, type Transport } from '../client.ts'
import type { EventSourceLike, NetworkSignals } from './engine.ts'
import type { Timers } from './flow.ts'
import type { TrainingAttempt } from './types.ts'

/**
 * An in-memory group server for sync tests, following the contract of src/group-api: a
 * practice-wide change feed in commit order (each change carries its row as it is now), pages
 * after a cursor with the cursor of the last change examined, idempotency by key, 409 stale and
 * reason-required, and an event stream. Requests go through the real client's checks.
 */

export interface Person {
  id: string
  name: string
}

export const PEOPLE = {
  casey: { id: '00000000-0000-4000-8000-00000000c0c0', name: 'Casey Coder' },
  sam: { id: '00000000-0000-4000-8000-00000000d5d5', name: 'Sam Supervisor' },
  tia: { id: '00000000-0000-4000-8000-00000000d0d0', name: 'Tia Trainee' },
} as const satisfies Record<string, Person>


interface LogEntry {
  seq: number
  entity: SyncEntity
  id: string
  op: 'upsert' | 'delete'
}

const NETWORK = 'The group server could not be reached. Check the network connection and try again.'
const CLOSED = 2

export class FakeEventSource implements EventSourceLike {
  readyState = 0
  private readonly listeners = new Map<string, Set<(event: MessageEvent) => void>>()
  constructor(readonly url: string, private readonly closed: (source: FakeEventSource) => void) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    let set = this.listeners.get(type)
    if (!set) this.listeners.set(type, (set = new Set()))
    set.add(listener)
  }
  close(): void {
    this.readyState = CLOSED
    this.closed(this)
  }
  dispatch(type: string, data?: unknown): void {
    const event = new MessageEvent(type, { data: data === undefined ? '' : JSON.stringify(data) })
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event)
  }
}

export interface FakeSyncServerOptions {
  /** Who the client is signed in as (the writes' author). */
  me?: Person
  /** Which changes the signed-in role may read; all unless given. */
  readable?: (change: Change) => boolean
  /** Codes a finalized encounter (the real server runs the rule module); no lines and no findings unless given. */
  coder?: (encounter: z.output<typeof finalizeBody>['encounter']) => { lines: unknown[]; findings: unknown[] }
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export function createFakeSyncServer(options: FakeSyncServerOptions = {}) {
  const me = options.me ?? PEOPLE.casey
  const readable = options.readable ?? (() => true)
  const encounters = new Map<string, EncounterSummary>()
  const attempts = new Map<string, TrainingAttempt>()
  const imports = new Map<string, { summary: HistoryImportSummary; lines: HistoryLineRecord[] }>()
  const log: LogEntry[] = []
  /** Shared records and drafts, by `${kind}:${key}` (one person's drafts: this fake serves one person). */
  const records = new Map<string, PracticeRecord>()
  const recordIds = new Map<string, PracticeRecord>()
  /** Imported 835 files, by id, and which import holds each payment key. */
  const remittances = new Map<string, RemittanceSummary>()
  const paymentKeys = new Map<string, string>()
  /** The charge-export log, by id. */
  const chargeExports = new Map<string, ChargeExportSummary>()
  const keys = new Map<string, { route: RouteName; body: string; answer: unknown }>()
  const failNext = new Map<RouteName, ApiError[]>()
  const loseAnswer = new Set<RouteName>()
  const streams = new Set<FakeEventSource>()
  const writes: { route: RouteName; id: string }[] = []
  const requests: { route: RouteName; idempotencyKey: string | undefined; query: unknown }[] = []
  let ids = 0
  let clock = Date.parse('2026-11-26T09:00:00.000Z')
  let offline = false
  let signedOut = false
  let changesInFlight = 0
  let maxChangesInFlight = 0

  const newId = () => `00000000-0000-4000-8000-${(++ids).toString(16).padStart(12, '0')}`
  const at = () => new Date((clock += 1000)).toISOString()
  const head = () => log.length

  const commit = (entity: SyncEntity, id: string, op: LogEntry['op'] = 'upsert') => {
    const seq = head() + 1
    log.push({ seq, entity, id, op })
    // The stream tells of it a moment after the commit, as a real server's NOTIFY would.
    setTimeout(() => { for (const s of streams) if (s.readyState === 1) s.dispatch('change', { seq }) }, 0)
  }

  const changeOf = (entry: LogEntry): Change => {
    if (entry.entity === 'remittance') {
      const remittance = remittances.get(entry.id)
      return entry.op === 'delete' || !remittance ? { seq: entry.seq, entity: 'remittance', id: entry.id, op: 'delete' }
        : { seq: entry.seq, entity: 'remittance', id: entry.id, op: 'upsert', remittance: structuredClone(remittance) }
    }
    if (entry.entity === 'charge-export') {
      const chargeExport = chargeExports.get(entry.id)
      return !chargeExport ? { seq: entry.seq, entity: 'charge-export', id: entry.id, op: 'delete' }
        : { seq: entry.seq, entity: 'charge-export', id: entry.id, op: 'upsert', chargeExport: structuredClone(chargeExport) }
    }
    if (entry.entity === 'record') {
      const record = recordIds.get(entry.id)
      return entry.op === 'delete' || !record ? { seq: entry.seq, entity: 'record', id: entry.id, op: 'delete' }
        : { seq: entry.seq, entity: 'record', id: entry.id, op: 'upsert', record: structuredClone(record) }
    }
    const row = entry.entity === 'encounter' ? encounters.get(entry.id) : entry.entity === 'training-attempt' ? attempts.get(entry.id) : imports.get(entry.id)?.summary
    if (entry.op === 'delete' || !row) return { seq: entry.seq, entity: entry.entity, id: entry.id, op: 'delete' }
    const base = { seq: entry.seq, entity: entry.entity, id: entry.id, op: 'upsert' as const }
    if (entry.entity === 'history-import') return { ...base, historyImport: structuredClone(row as HistoryImportSummary) }
    return entry.entity === 'encounter' ? { ...base, encounter: structuredClone(row as EncounterSummary) } : { ...base, attempt: structuredClone(row as TrainingAttempt) }
  }

  /** The lines of an import with n > after, at most `limit`. */
  /** A page's lines as the server sends them: by patient, column by column. */
  const linesByPatient = (lines: readonly HistoryLineRecord[]): HistoryLineList['patients'] => {
    const byPatient = new Map<string, HistoryLineList['patients'][number]>()
    for (const l of lines) {
      let p = byPatient.get(l.patientId)
      if (!p) byPatient.set(l.patientId, (p = { patientId: l.patientId, first: l.n, dates: [], codes: [], modifiers: [], units: [], providers: [], keys: [] }))
      p.dates.push(l.dateOfService); p.codes.push(l.code); p.modifiers.push([...l.modifiers]); p.units.push(l.units); p.providers.push(l.providerId); p.keys.push(l.key)
    }
    return [...byPatient.values()]
  }

  const readLines = (importId: string, after: number, limit: number): HistoryLineList => {
    const stored = imports.get(importId)
    if (!stored) throw new ApiError(404, 'not-found', 'No such history import.')
    const lines = stored.lines.filter((l) => l.n > after).slice(0, limit)
    const cursor = lines.at(-1)?.n ?? after
    return { patients: linesByPatient(lines), cursor, more: stored.lines.some((l) => l.n > cursor) }
  }

  /** The page after `after`: the next `limit` changes examined, of which the readable ones. */
  const readChanges = (after: number, limit: number): ChangeList => {
    const examined = log.slice(after, after + limit)
    const cursor = examined.at(-1)?.seq ?? Math.min(after, head())
    return { changes: examined.map(changeOf).filter(readable), cursor, more: head() > cursor, head: head() }
  }

  const server = {
    me,
    finalize(input: z.input<typeof finalizeBody>, by: Person = me): EncounterSummary {
      const body = finalizeBody.parse(input)
      if (body.encounter.diagnoses.length === 0 && !body.reason) {
        throw new ApiError(409, 'reason-required', 'The server found errors in this encounter: give a reason to finalize it.')
      }
      const target = body.replaces === undefined ? undefined : encounters.get(body.replaces)
      if (body.replaces !== undefined && !target) throw new ApiError(404, 'not-found', 'The encounter this one replaces is not in this practice.', 'replaces')
      if (target?.review === 'replaced') throw new ApiError(409, 'already-replaced', 'The returned encounter was already finalized again.', 'replaces')
      if (target && target.review !== 'returned') throw new ApiError(409, 'not-returned', 'Only a returned encounter can be replaced.', 'replaces')
      const id = newId()
      const coded = options.coder?.(body.encounter) ?? { lines: [], findings: [] }
      const review = options.coder && !coded.findings.some((f) => (f as { severity?: string }).severity !== 'info') ? 'not-needed' : 'pending'
      const summary: EncounterSummary = {
        id, patientId: body.encounter.patientId, dateOfService: body.encounter.dateOfService, finalizedAt: at(), finalizedBy: by.id, finalizedByName: by.name,
        review, lines: structuredClone(coded.lines), findings: structuredClone(coded.findings), reason: body.reason ?? null, version: 1, encounter: structuredClone(body.encounter), decisions: [],
      }
      encounters.set(id, summary)
      writes.push({ route: 'finalize', id })
      commit('encounter', id)
      if (target) {
        encounters.set(target.id, { ...target, review: 'replaced', replacedBy: id, version: target.version + 1 })
        commit('encounter', target.id)
      }
      return structuredClone(summary)
    },
    decide(id: string, input: z.input<typeof decisionBody>, by: Person = me): EncounterSummary {
      const body = decisionBody.parse(input)
      const current = encounters.get(id)
      if (!current) throw new ApiError(404, 'not-found', 'No such encounter.')
      if (current.review === 'replaced') throw new ApiError(409, 'replaced', 'This returned encounter was corrected and finalized again.')
      if (current.finalizedBy === by.id) throw new ApiError(403, 'forbidden', 'You cannot review an encounter you finalized.')
      if (body.expectedVersion !== undefined && body.expectedVersion !== current.version) {
        throw new ApiError(409, 'stale', 'Someone else reviewed this encounter since you opened it. Look at it again.')
      }
      const decision = { id: newId(), lineIndex: body.lineIndex ?? null, action: body.action, reason: body.reason ?? null, decidedBy: by.id, decidedByName: by.name, decidedAt: at() }
      const next: EncounterSummary = { ...current, version: current.version + 1, review: body.action === 'return' ? 'returned' : 'approved', decisions: [...current.decisions, decision] }
      encounters.set(id, next)
      writes.push({ route: 'decide', id })
      commit('encounter', id)
      return structuredClone(next)
    },
    addAttempt(input: z.input<typeof attemptBody>, by: Person = me): TrainingAttempt {
      const body = attemptBody.parse(input)
      const attempt: TrainingAttempt = { id: newId(), userId: by.id, caseId: body.caseId, scorePercent: body.scorePercent, submittedAt: at(), lines: structuredClone(body.lines) }
      attempts.set(attempt.id, attempt)
      writes.push({ route: 'addAttempt', id: attempt.id })
      commit('training-attempt', attempt.id)
      return structuredClone(attempt)
    },
    /** A committed history import of these lines (numbered from 1 in the order given), announced in the feed. */
    importHistory(fileName: string, lines: readonly Omit<HistoryLineRecord, 'n'>[], by: Person = me): HistoryImportSummary {
      const id = newId()
      const summary: HistoryImportSummary = { id, fileName, importedAt: at(), importedBy: by.id, importedByName: by.name, rows: lines.length, duplicates: 0 }
      imports.set(id, { summary, lines: lines.map((l, i) => ({ ...l, n: i + 1 })) })
      commit('history-import', id)
      return structuredClone(summary)
    },
    saveRecord(kind: PracticeRecord['kind'], key: string, value: unknown, expectedVersion: number | null, by: Person = me): PracticeRecord {
      const current = records.get(`${kind}:${key}`)
      if ((current?.version ?? null) !== expectedVersion) {
        throw new ApiError(409, 'stale', `Someone changed this ${kind} since you opened it.`, 'expectedVersion')
      }
      const record: PracticeRecord = {
        id: current?.id ?? newId(), kind, key, version: (current?.version ?? 0) + 1, value: structuredClone(value), updatedBy: by.id, updatedByName: by.name, updatedAt: at(),
      }
      records.set(`${kind}:${key}`, record)
      recordIds.set(record.id, record)
      writes.push({ route: 'saveRecord', id: record.id })
      commit('record', record.id)
      return structuredClone(record)
    },
    deleteRecord(kind: PracticeRecord['kind'], key: string, expectedVersion: number) {
      const current = records.get(`${kind}:${key}`)
      if (!current) throw new ApiError(404, 'not-found', 'No such record.')
      if (current.version !== expectedVersion) throw new ApiError(409, 'stale', `Someone changed this ${kind} since you opened it.`, 'expectedVersion')
      records.delete(`${kind}:${key}`)
      recordIds.delete(current.id)
      writes.push({ route: 'deleteRecord', id: current.id })
      commit('record', current.id, 'delete')
      return { id: current.id, kind, key, version: current.version, deleted: true as const }
    },
    records: () => [...records.values()],
    /** Parses and matches the file as the real server does (its encounters, the domain's parser and matcher). */
    importRemittance(input: z.input<typeof remittanceUploadBody>, by: Person = me): RemittanceSummary {
      const body = remittanceUploadBody.parse(input)
      const parsed = parseRemittanceFile(body.text)
      if (!parsed.ok) throw new ApiError(422, 'malformed', `${body.fileName} cannot be imported: ${parsed.errors[0]?.message ?? 'not an 835 file'}. Nothing was stored.`, 'body.text')
      const repeated = repeatedPayments(parsed.remittances)
      if (repeated.length > 0) throw new ApiError(422, 'repeated-payment', `${repeated[0]} Nothing was stored.`, 'body.text')
      if (remittances.has(body.id)) throw new ApiError(409, 'duplicate-id', 'An import with this id is already stored.', 'body.id')
      const forMatching = [...encounters.values()].filter((e) => e.review !== 'replaced').map((e) => {
        const encounter = e.encounter as { providerId?: string; payerProfile?: string }
        return { id: e.id, patientId: e.patientId, dateOfService: e.dateOfService, providerId: encounter.providerId ?? '', payerProfile: encounter.payerProfile ?? '', lines: e.lines as { code: string; modifiers: string[]; units: number }[] }
      })
      const summary = summarizeImport(parsed.remittances, matchRemittance(parsed.remittances, forMatching, { controlNumber: body.controlNumber }))
      const taken = summary.paymentKeys.find((k) => paymentKeys.has(k))
      if (taken) throw new ApiError(409, 'duplicate-payment', `The payment ${taken} was already imported. Nothing was stored.`, 'body.text')
      const remittance: RemittanceSummary = { id: body.id, fileName: body.fileName, importedAt: at(), userId: by.id, userName: by.name, controlNumber: body.controlNumber, ...structuredClone(summary) }
      remittances.set(body.id, remittance)
      for (const k of summary.paymentKeys) paymentKeys.set(k, body.id)
      writes.push({ route: 'importRemittance', id: body.id })
      commit('remittance', body.id)
      return structuredClone(remittance)
    },
    deleteRemittance(id: string) {
      const current = remittances.get(id)
      if (!current) throw new ApiError(404, 'not-found', 'No imported remittance file with this id.')
      remittances.delete(id)
      for (const k of current.paymentKeys) paymentKeys.delete(k)
      writes.push({ route: 'deleteRemittance', id })
      commit('remittance', id, 'delete')
      return { id, deleted: true as const }
    },
    remittances: () => [...remittances.values()],
    /** Records a charge file's encounters as the real server does: the practice's current, settled encounters; earlier exports named. */
    recordChargeExports(input: z.input<typeof chargeExportBody>, by: Person = me): ChargeExportResult {
      const body = chargeExportBody.parse(input)
      const targets = body.encounterIds.map((id, i) => {
        const encounter = encounters.get(id)
        if (!encounter) throw new ApiError(404, 'not-found', 'No finalized encounter with this id in this practice. Nothing was recorded.', `body.encounterIds.${i}`)
        if (encounter.review === 'replaced') throw new ApiError(409, 'replaced', 'This encounter was corrected and finalized again. Nothing was recorded.', `body.encounterIds.${i}`)
        if (encounter.review === 'pending' || encounter.review === 'returned') throw new ApiError(409, 'not-ready', 'This encounter cannot be exported yet. Nothing was recorded.', `body.encounterIds.${i}`)
        return encounter
      })
      const earlier = [...chargeExports.values()].filter((e) => body.encounterIds.includes(e.encounterId))
      const exportedAt = at()
      const made = targets.map((e): ChargeExportSummary => ({
        id: newId(), encounterId: e.id, exportedAt, userId: by.id, userName: by.name, format: body.format, fileName: body.fileName,
        status: e.decisions.some((d) => d.action === 'override') ? 'overridden' : e.decisions.some((d) => d.action === 'approve') ? 'approved' : 'no-findings',
      }))
      for (const e of made) {
        chargeExports.set(e.id, e)
        writes.push({ route: 'recordChargeExports', id: e.id })
        commit('charge-export', e.id)
      }
      return structuredClone({ exports: made, earlier })
    },
    chargeExports: () => [...chargeExports.values()],
    deleteEncounter(id: string) {
      encounters.delete(id)
      commit('encounter', id, 'delete')
    },
    /** The next request to `route` answers this error (no write is done). */
    failNext(route: RouteName, error: ApiError) {
      failNext.set(route, [...(failNext.get(route) ?? []), error])
    },
    /** The next write to `route` is done, but its answer never reaches the client. */
    loseNextAnswer(route: RouteName) {
      loseAnswer.add(route)
    },
    setOffline(value: boolean) {
      offline = value
      for (const s of [...streams]) {
        if (value && s.readyState === 1) {
          s.readyState = 0
          s.dispatch('error')
        } else if (!value && s.readyState === 0) connect(s)
      }
    },
    /** The session ends: the stream says so and closes; every later request is 401. */
    signOut() {
      signedOut = true
      for (const s of [...streams]) {
        s.dispatch('signed-out')
        s.close()
      }
    },
    head,
    changes: (after: number, limit: number) => readChanges(after, limit),
    encounters: () => [...encounters.values()],
    attempts: () => [...attempts.values()],
    /** Every change the signed-in person may read, as the replica should hold it now. */
    readableRows() {
      const all = log.map(changeOf).filter(readable)
      const latest = new Map(all.map((c) => [`${c.entity}:${c.id}`, c]))
      const rows = [...latest.values()].filter((c) => c.op === 'upsert')
      return { encounters: rows.flatMap((c) => (c.encounter ? [c.encounter] : [])), attempts: rows.flatMap((c) => (c.attempt ? [c.attempt] : [])) }
    },
    readableSeqs: () => log.map(changeOf).filter(readable).map((c) => c.seq),
    writes,
    requests,
    get maxChangesInFlight() { return maxChangesInFlight },
    streams,
    openEvents: (url: string): FakeEventSource => {
      const source = new FakeEventSource(url, (s) => streams.delete(s))
      streams.add(source)
      setTimeout(() => { if (streams.has(source)) connect(source) }, 0)
      return source
    },
  }

  function connect(source: FakeEventSource) {
    if (signedOut) {
      source.readyState = CLOSED
      streams.delete(source)
      source.dispatch('error')
    } else if (offline) {
      source.readyState = 0
      source.dispatch('error')
    } else {
      source.readyState = 1
      source.dispatch('ready', { seq: head() })
    }
  }

  const idempotent = (prepared: PreparedRequest, by: Person, write: () => unknown): unknown => {
    const key = prepared.idempotencyKey === undefined ? undefined : `${by.id}:${prepared.idempotencyKey}`
    if (key === undefined) return write()
    const body = JSON.stringify(prepared.body)
    const stored = keys.get(key)
    if (stored) {
      if (stored.route !== prepared.route || stored.body !== body) throw new ApiError(422, 'idempotency-key-reused', 'This idempotency key was used for another request.')
      return structuredClone(stored.answer)
    }
    const answer = write()
    keys.set(key, { route: prepared.route, body, answer: structuredClone(answer) })
    return answer
  }

  const answer = (prepared: PreparedRequest, by: Person): unknown => {
    switch (prepared.route) {
      case 'changes': {
        const query = prepared.query as { after: number; limit: number }
        return readChanges(query.after, query.limit)
      }
      case 'historyLines': {
        const query = prepared.query as { importId: string; after: number; limit: number }
        return readLines(query.importId, query.after, query.limit)
      }
      case 'finalize':
        return idempotent(prepared, by, () => server.finalize(prepared.body as z.input<typeof finalizeBody>, by))
      case 'decide':
        return idempotent(prepared, by, () => server.decide(prepared.params?.id ?? '', prepared.body as z.input<typeof decisionBody>, by))
      case 'addAttempt':
        return idempotent(prepared, by, () => server.addAttempt(prepared.body as z.input<typeof attemptBody>, by))
      case 'saveRecord': {
        const { kind, key } = prepared.params as { kind: PracticeRecord['kind']; key: string }
        const body = prepared.body as { value: unknown; expectedVersion: number | null }
        return idempotent(prepared, by, () => server.saveRecord(kind, key, body.value, body.expectedVersion, by))
      }
      case 'deleteRecord': {
        const { kind, key } = prepared.params as { kind: PracticeRecord['kind']; key: string }
        return idempotent(prepared, by, () => server.deleteRecord(kind, key, (prepared.body as { expectedVersion: number }).expectedVersion))
      }
      case 'importRemittance':
        return idempotent(prepared, by, () => server.importRemittance(prepared.body as z.input<typeof remittanceUploadBody>, by))
      case 'deleteRemittance':
        return idempotent(prepared, by, () => server.deleteRemittance(prepared.params?.id ?? ''))
      case 'recordChargeExports':
        return idempotent(prepared, by, () => server.recordChargeExports(prepared.body as z.input<typeof chargeExportBody>, by))
      default:
        throw new Error(`The fake sync server has no ${prepared.route} route.`)
    }
  }

  const transportAs = (by: Person): Transport => async (prepared) => {
    requests.push({ route: prepared.route, idempotencyKey: prepared.idempotencyKey, query: prepared.query })
    const isChanges = prepared.route === 'changes'
    if (isChanges) maxChangesInFlight = Math.max(maxChangesInFlight, ++changesInFlight)
    try {
      await macrotask()
      if (prepared.signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError')
      if (offline) throw new ApiError(0, 'network', NETWORK)
      if (signedOut) throw new ApiError(401, 'unauthenticated', 'Sign in again.')
      const failure = failNext.get(prepared.route)?.shift()
      if (failure) throw failure
      const value = answer(prepared, by)
      if (loseAnswer.delete(prepared.route)) throw new ApiError(0, 'network', NETWORK)
      return { kind: 'json', value }
    } finally {
      if (isChanges) changesInFlight--
    }
  }

  const transport = transportAs(me)
  const client: GroupClient = createGroupClient(transport)
  /** A client of another person signed in to the same practice (another desk). */
  const clientAs = (person: Person): GroupClient => createGroupClient(transportAs(person))
  return Object.assign(server, { transport, client, clientAs })
}

export type FakeSyncServer = ReturnType<typeof createFakeSyncServer>

/** Timers a test fires by hand. */
export function manualTimers() {
  const waiting: { fn: () => void; ms: number }[] = []
  const timers: Timers & { delays(): number[]; fire(): void } = {
    set(fn, ms) {
      const timer = { fn, ms }
      waiting.push(timer)
      return () => {
        const i = waiting.indexOf(timer)
        if (i >= 0) waiting.splice(i, 1)
      }
    },
    delays: () => waiting.map((t) => t.ms),
    /** Runs every timer set so far. */
    fire() {
      for (const timer of waiting.splice(0)) timer.fn()
    },
  }
  return timers
}

/** The browser's online/offline signals, switched by the test. */
export function fakeNetwork(initiallyOnline = true) {
  let online = initiallyOnline
  const watchers = new Set<{ on: () => void; off: () => void }>()
  const network: NetworkSignals & { goOnline(): void; goOffline(): void } = {
    online: () => online,
    watch(on, off) {
      const watcher = { on, off }
      watchers.add(watcher)
      return () => { watchers.delete(watcher) }
    },
    goOnline() {
      online = true
      for (const w of [...watchers]) w.on()
    },
    goOffline() {
      online = false
      for (const w of [...watchers]) w.off()
    },
  }
  return network
}

/** A finalize body the contract accepts, for the given patient. */
export function encounterInput(patientId: string, overrides: Partial<z.input<typeof finalizeBody>['encounter']> = {}): z.input<typeof finalizeBody>['encounter'] {
  return {
    dateOfService: '2026-11-20', patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
    payerProfile: 'medicare', diagnoses: ['M47.816'], procedures: [], ...overrides,
  }
}
