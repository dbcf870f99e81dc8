import type { ColumnMapping, DateFormat } from '../../domain/history-import/types.ts'
import { recordValueProblem, type RecordKind } from '../../group-api/record-kinds.ts'
import { byNdcListOrder, EMPTY_COVERAGE_SETTINGS } from '../idb-shared.ts'
import { byCaseTitle } from '../memory-training-store.ts'
import type {
  AuditRecord, ChargeSettingsRecord, CoverageSettingsRecord, CustomPayerProfileRecord, DraftRecord, NdcListRecord, PracticeCaseRecord, ProviderRecord, EncounterRecord, PatientSummary, StoreTable, TrainingAttemptRecord, TrainingStore, UserRecord, WorksheetStore,
} from '../types.ts'
import { prepareRequest } from './client.ts'
import { attemptBodyOf, attemptRecordOf } from './group-attempts.ts'
import {
  auditOfEncounter, byAuditOrder, byDateOfService, decisionTextOf, encounterRecordOf, historyLinesOf, historyLinesOfChunks, importRecordOf, isSuperseded,
  returnedDraftOf, type DraftOf,
} from './group-mapping.ts'
import type { EncounterSummary } from '../../group-api/index.ts'
import { createGroupChargeExports } from './group-charge-exports.ts'
import { createGroupRemittances } from './group-remittances.ts'
import { createReferenceCache, type ReferenceFiles } from './reference-cache.ts'
import type { SyncActions, WaitingChange } from './sync/actions.ts'
import type { SyncEngine } from './sync/engine.ts'
import type { OutboxEntry, OutboxMutation, ReplicaTable } from './sync/types.ts'

/** The part of the sync engine the group store works through. */
export type GroupSyncEngine = Pick<SyncEngine, 'replica' | 'enqueue' | 'outbox' | 'retry' | 'discard' | 'pull'> & Partial<Pick<SyncEngine, 'onReference'>>

/** Uploads a claim-history file to the group server (history-upload.ts), answering what it stored. */
export type HistoryUpload = (
  input: { fileName: string; text: string; mapping: ColumnMapping; dateFormat: DateFormat },
  onProgress?: (done: number, total: number) => void,
) => Promise<{ added: number; duplicates: number }>

export interface GroupStoreOptions {
  /** This browser's own store: drafts (also synced), this device's reference copies, users and backups stay there. */
  local: WorksheetStore
  engine: GroupSyncEngine
  /** The signed-in person. */
  user: { id: string; name: string }
  /** The worksheet's draft of an encounter (returned encounters, refused finalizes). */
  draftOf: DraftOf
  uploadHistory?: HistoryUpload
  /** The server's public reference files (reference-sync.ts); without it they stay per workstation. */
  referenceFiles?: ReferenceFiles
  now?: () => string
}

/** The app's store in group mode, with the outbox's actions for the "Changes waiting" screen. */
export type GroupStore = WorksheetStore & SyncActions

/** The app's tables a change of the replica touches. */
const TABLES_OF: Record<ReplicaTable, readonly StoreTable[]> = {
  encounters: ['encounters', 'audit', 'drafts', 'users'],
  attempts: ['attempts'],
  outbox: ['encounters', 'audit', 'drafts', 'attempts', 'providers', 'payerProfiles', 'practiceCases', 'coverageSettings', 'remittances', 'ndcList', 'chargeExports', 'chargeSettings'],
  history: ['history', 'imports'],
  dismissed: ['drafts'],
  records: ['providers', 'payerProfiles', 'practiceCases', 'coverageSettings', 'drafts', 'ndcList', 'chargeSettings'],
  remittances: ['remittances'],
  chargeExports: ['chargeExports', 'audit'],
}

/** The server keeps decision texts of up to this many characters. */
export const DECISION_TEXT_MAX = 500
const DECISION_ACTIONS = new Set(['approve', 'return', 'override'])

type FinalizeEntry = OutboxEntry & { route: 'finalize' }
const isPendingFinalize = (e: OutboxEntry): e is FinalizeEntry & { local: { record: EncounterRecord } } =>
  e.route === 'finalize' && e.state === 'pending' && e.local?.record !== undefined

/** Not a returned encounter its corrected successor replaced: that one is history, neither counted nor open work. */
const isCurrent = (e: EncounterSummary) => e.review !== 'replaced'

const byUpdatedDesc = (a: DraftRecord, b: DraftRecord) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)
const bySubmitted = (a: TrainingAttemptRecord, b: TrainingAttemptRecord) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function finalizeEntryOf(record: EncounterRecord, userName: string): AuditRecord {
  return {
    id: `${record.id}:finalize`, at: record.finalizedAt, userId: record.finalizedBy ?? '', userName, encounterId: record.id, lineIndex: null,
    action: 'finalize', from: null, to: record.review === 'pending' ? 'pending' : 'no-findings', reason: null, note: record.finalizeReason,
  }
}

/**
 * WorksheetStore for group mode. The practice's shared data is read from this device's replica
 * and written as outbox mutations the server decides on: finalized encounters (an encounter
 * finalized here shows, and counts, as soon as the outbox holds it), review decisions, returned
 * encounters (in their coder's drafts), imported claim history and 835 remittance files, the
 * charge-export log, shared records and training attempts. What stays per workstation (users,
 * backups) goes to the browser's own store.
 */
export function createGroupStore(options: GroupStoreOptions): GroupStore {
  const { local, engine, user, draftOf } = options
  const { replica } = engine
  const now = options.now ?? (() => new Date().toISOString())
  const reference = createReferenceCache(local, options.referenceFiles, engine)

  /** The synced encounters, the finalizes still to send, and the returned encounters finalized again here. */
  const snapshot = async () => {
    const [all, outbox, dismissed] = await Promise.all([replica.allEncounters(), replica.outbox(), replica.dismissed()])
    const encounters = all.filter(isCurrent)
    const pending = outbox.filter(isPendingFinalize).map((e) => e.local.record)
    const refinalized = new Set(pending.map((r) => r.id))
    for (const [id, why] of dismissed) if (why === 'finalized') refinalized.add(id)
    return { encounters, outbox, pending, refinalized, dismissed }
  }

  const returnedDrafts = async (): Promise<DraftRecord[]> => {
    const [returned, { encounters, refinalized, dismissed }] = await Promise.all([replica.returnedTo(user.id), snapshot()])
    return returned
      .filter((r) => !dismissed.has(r.encounter.id) && !isSuperseded(r.encounter, encounters, refinalized))
      .map((r) => returnedDraftOf(r, draftOf))
  }

  const pendingDecisions = async (encounterId?: string): Promise<OutboxEntry[]> =>
    (await replica.outbox()).filter((e) => e.route === 'decide' && e.state === 'pending' && (encounterId === undefined || e.params.id === encounterId))

  /** Review decisions as decide mutations, each against the version the one before it leaves. */
  const decisionsOf = async (entries: readonly AuditRecord[]): Promise<OutboxMutation[]> => {
    const byEncounter = new Map<string, AuditRecord[]>()
    for (const entry of entries) {
      if (entry.action === 'finalize') continue
      if (!DECISION_ACTIONS.has(entry.action)) {
        throw new Error(`The group server does not take "${entry.action}" decisions yet: only approve, return and override.`)
      }
      const text = decisionTextOf(entry)
      if (text && text.length > DECISION_TEXT_MAX) {
        throw new Error(`The group server keeps notes of up to ${DECISION_TEXT_MAX} characters; this one has ${text.length}. Shorten it and try again.`)
      }
      byEncounter.set(entry.encounterId, [...(byEncounter.get(entry.encounterId) ?? []), entry])
    }
    const mutations: OutboxMutation[] = []
    for (const [encounterId, group] of byEncounter) {
      const current = await replica.encounter(encounterId)
      if (!current) throw new Error('This encounter has not reached the group server yet; decide on it once it has synced.')
      const base = current.version + (await pendingDecisions(encounterId)).length
      group.forEach((entry, k) => {
        const text = decisionTextOf(entry)
        const body = {
          action: entry.action as 'approve' | 'return' | 'override',
          ...(entry.lineIndex !== null ? { lineIndex: entry.lineIndex } : {}),
          ...(text ? { reason: text } : {}),
          expectedVersion: base + k,
        }
        prepareRequest('decide', { params: { id: encounterId }, body })
        mutations.push({ route: 'decide', params: { id: encounterId }, body, local: { audit: entry } })
      })
    }
    return mutations
  }

  const enqueueAll = async (mutations: readonly OutboxMutation[]) => {
    for (const mutation of mutations) await engine.enqueue(mutation)
  }

  // ---- the practice's shared records: the replica's, with this device's writes not yet sent applied over them
  const isRecordWrite = (e: OutboxEntry, kind: RecordKind): e is OutboxEntry & { route: 'saveRecord' | 'deleteRecord' } =>
    (e.route === 'saveRecord' || e.route === 'deleteRecord') && e.params.kind === kind && e.state === 'pending'
  const recordValues = async <T>(kind: RecordKind): Promise<Map<string, T>> => {
    const [synced, outbox] = await Promise.all([replica.records(kind), replica.outbox()])
    const values = new Map(synced.map((r) => [r.key, r.value as T]))
    for (const e of outbox) {
      if (!isRecordWrite(e, kind)) continue
      if (e.route === 'saveRecord') values.set(e.params.key, e.body.value as T)
      else values.delete(e.params.key)
    }
    return values
  }
  /** The version a write of the record is made against: the synced one, moved on by the writes still to send. */
  const versionOf = async (kind: RecordKind, key: string): Promise<number | null> => {
    let version = (await replica.record(kind, key))?.version ?? null
    for (const e of await replica.outbox()) {
      if (!isRecordWrite(e, kind) || e.params.key !== key) continue
      version = e.route === 'saveRecord' ? (version ?? 0) + 1 : null
    }
    return version
  }
  const saveRecord = async (kind: RecordKind, key: string, value: unknown) => {
    const problem = recordValueProblem(kind, key, value)
    if (problem) throw new Error(`Not saved: ${problem.message}.`)
    await engine.enqueue({ route: 'saveRecord', params: { kind, key }, body: { value, expectedVersion: await versionOf(kind, key) } })
  }
  const deleteRecord = async (kind: RecordKind, key: string) => {
    const version = await versionOf(kind, key)
    if (version !== null) await engine.enqueue({ route: 'deleteRecord', params: { kind, key }, body: { expectedVersion: version } })
  }
  /** A draft follows its person to any desk: synced as their own record; never fails the local save. */
  const syncDraft = async (draft: DraftRecord) => {
    if (recordValueProblem('draft', draft.id, draft)) return
    await engine.enqueue({ route: 'saveRecord', params: { kind: 'draft', key: draft.id }, body: { value: draft, expectedVersion: null }, local: { versionAtSend: true } })
  }
  /**
   * A draft's saves and its deletion reach this browser and the outbox in the order they were
   * asked for: a save still under way when the draft is finalized cannot land after the deletion
   * and bring the draft back, here or at another desk.
   */
  let draftWrites: Promise<unknown> = Promise.resolve()
  const inDraftOrder = <T,>(write: () => Promise<T>): Promise<T> => {
    const next = draftWrites.then(write, write)
    draftWrites = next.catch(() => undefined)
    return next
  }
  /** Queues the draft's deletion on the server; never fails the local deletion. */
  const forgetDraft = async (id: string) => {
    try {
      // A draft the server never had, and none on its way there: nothing to delete.
      if ((await versionOf('draft', id)) === null) return
      await engine.enqueue({ route: 'deleteRecord', params: { kind: 'draft', key: id }, body: { expectedVersion: 1 }, local: { versionAtSend: true } })
    } catch {
      // The outbox could not be written: the draft stays on the server, where the person can delete it again.
    }
  }
  const syncedDrafts = async () => [...(await recordValues<DraftRecord>('draft')).values()]
  const newer = (a: DraftRecord | undefined, b: DraftRecord | undefined) => (!a ? b : !b ? a : a.updatedAt >= b.updatedAt ? a : b)

  const people = async (): Promise<Map<string, { name: string; role: UserRecord['role'] }>> => {
    const known = new Map<string, { name: string; role: UserRecord['role'] }>()
    for (const e of await replica.allEncounters()) {
      if (!known.has(e.finalizedBy)) known.set(e.finalizedBy, { name: e.finalizedByName, role: 'coder' })
      for (const d of e.decisions) known.set(d.decidedBy, { name: d.decidedByName, role: 'supervisor' })
    }
    return known
  }

  const chargeExports = createGroupChargeExports(engine)

  const store: GroupStore = {
    // ---- drafts: this browser's, plus the encounters returned to the signed-in coder
    async listDrafts() {
      const [own, synced, returned] = await Promise.all([local.listDrafts(), syncedDrafts(), returnedDrafts()])
      const byId = new Map<string, DraftRecord>()
      for (const d of [...own, ...synced]) byId.set(d.id, newer(byId.get(d.id), d)!)
      return [...byId.values(), ...returned.filter((d) => !byId.has(d.id))].sort(byUpdatedDesc)
    },
    async getDraft(id) {
      const [own, synced] = await Promise.all([local.getDraft(id), replica.record('draft', id)])
      return newer(own, synced?.value as DraftRecord | undefined) ?? (await returnedDrafts()).find((d) => d.id === id)
    },
    saveDraft: (draft) => inDraftOrder(async () => {
      await local.saveDraft(draft)
      await syncDraft(draft).catch(() => undefined)
    }),
    deleteDraft: (id) => inDraftOrder(async () => {
      await local.deleteDraft(id)
      await forgetDraft(id)
      const encounter = await replica.encounter(id)
      if (encounter?.review === 'returned' && encounter.finalizedBy === user.id) await replica.dismiss(id, now(), 'discarded')
    }),
    backupDraftNow: (draft) => local.backupDraftNow(draft),
    takeDraftBackup: (id) => local.takeDraftBackup(id),

    // ---- finalized encounters: the replica, and what the outbox still holds
    async finalize(record, draftId) {
      const id = draftId ?? record.id
      const reason = record.finalizeReason?.trim() || undefined
      if (reason && reason.length > DECISION_TEXT_MAX) {
        throw new Error(`Not finalized: the group server keeps reasons of up to ${DECISION_TEXT_MAX} characters; this one has ${reason.length}.`)
      }
      // A returned encounter finalized again replaces it on the server: it stops counting there.
      const returned = await replica.encounter(id)
      const replaces = returned?.review === 'returned' ? returned.id : undefined
      const body = { encounter: record.encounter, ...(reason ? { reason } : {}), ...(replaces ? { replaces } : {}) }
      // Checked as the server will check it: a finalize that cannot be sent is refused now, and the draft stays.
      prepareRequest('finalize', { body })
      const stored = draftId ? await local.getDraft(draftId) : undefined
      const at = now()
      const draft: DraftRecord = { ...draftOf(record.encounter, id, at), createdAt: stored?.createdAt ?? at, status: stored?.status ?? 'draft', returnNote: stored?.returnNote ?? null }
      await engine.enqueue({ route: 'finalize', body, local: { record: { ...record, id }, draft } })
      if (replaces) await replica.dismiss(id, at, 'finalized')
      // Only now that the outbox holds it: the worksheet is in the outbox entry until the server has it.
      if (draftId) {
        await inDraftOrder(async () => {
          await local.deleteDraft(draftId)
          await forgetDraft(draftId)
        })
      }
    },
    async listAllEncounters() {
      const { encounters, pending, refinalized } = await snapshot()
      return [...encounters.filter((e) => !isSuperseded(e, encounters, refinalized)).map(encounterRecordOf), ...pending]
    },
    async listEncounters(patientId) {
      const [{ encounters, pending, refinalized }, mine] = await Promise.all([snapshot(), replica.encountersOfPatient(patientId)])
      return [...mine.filter((e) => isCurrent(e) && !isSuperseded(e, encounters, refinalized)).map(encounterRecordOf), ...pending.filter((r) => r.patientId === patientId)]
        .sort(byDateOfService)
    },
    async patientHistory(patientId) {
      const [encounters, outbox, imported] = await Promise.all([replica.encountersOfPatient(patientId), replica.outbox(), replica.historyOfPatient(patientId)])
      // As on the server: a returned encounter does not count until it is finalized again, and a replaced one never.
      const counted = encounters.filter((e) => e.review !== 'returned' && isCurrent(e)).map(encounterRecordOf)
      const pending = outbox.filter(isPendingFinalize).map((e) => e.local.record).filter((r) => r.patientId === patientId)
      return [...counted, ...pending].flatMap(historyLinesOf).concat(historyLinesOfChunks(imported)).sort(byDateOfService)
    },
    async findPatients(prefix, limit) {
      const max = Math.max(0, limit)
      const [withEncounters, withHistory, outbox] = await Promise.all([replica.encounterPatients(prefix, max), replica.historyPatients(prefix, max), replica.outbox()])
      const pending = outbox.filter(isPendingFinalize).map((e) => e.local.record)
      const ids = [...new Set([...withEncounters, ...withHistory, ...pending.map((r) => r.patientId).filter((p) => p.startsWith(prefix))])].sort().slice(0, max)
      return Promise.all(ids.map(async (patientId): Promise<PatientSummary> => {
        const [encounters, chunks] = await Promise.all([replica.encountersOfPatient(patientId), replica.historyOfPatient(patientId)])
        return {
          patientId,
          encounters: encounters.filter(isCurrent).length + pending.filter((r) => r.patientId === patientId).length,
          historyLines: chunks.reduce((n, c) => n + c.lines.length, 0),
        }
      }))
    },

    // ---- review: decisions are server mutations; the log is read from the encounters' decisions
    async appendAudit(entries) {
      await enqueueAll(await decisionsOf(entries))
    },
    async returnToCoder(draft, audit) {
      await enqueueAll(await decisionsOf(audit))
      return draft
    },
    async listAudit(encounterId) {
      const encounters = encounterId === undefined ? await replica.allEncounters() : [await replica.encounter(encounterId)].filter((e) => e !== undefined)
      const outbox = await replica.outbox()
      const entries = [...encounters.flatMap(auditOfEncounter), ...await chargeExports.auditOf(encounterId)]
      for (const e of outbox) {
        if (e.state !== 'pending') continue
        if (e.route === 'decide' && e.local?.audit && (encounterId === undefined || e.params.id === encounterId)) entries.push(e.local.audit)
        if (e.route === 'finalize' && e.local?.record && (encounterId === undefined || e.local.record.id === encounterId)) entries.push(finalizeEntryOf(e.local.record, user.name))
      }
      return entries.sort(byAuditOrder)
    },
    async listUsers() {
      const [own, known] = await Promise.all([local.listUsers(), people()])
      const ids = new Set(own.map((u) => u.id))
      const others = [...known].filter(([id]) => !ids.has(id)).map(([id, p]): UserRecord => ({ id, name: p.name, role: p.role, createdAt: '' }))
      return [...own, ...others].sort((a, b) => a.name.localeCompare(b.name))
    },
    saveUser: (u) => local.saveUser(u),

    // ---- training: attempts go to the server; the full records and the practice's cases stay here
    async training(): Promise<TrainingStore> {
      const own = await local.training()
      return {
        async addAttempt(attempt) {
          await own.addAttempt(attempt)
          await engine.enqueue({ route: 'addAttempt', body: attemptBodyOf(attempt), local: { attemptId: attempt.id } })
        },
        async listAttempts(userId) {
          const [remote, links, outbox, kept, known, users] = await Promise.all([
            userId === undefined ? replica.allAttempts() : replica.attemptsOf(userId), replica.attemptLinks(), replica.outbox(), own.listAttempts(userId), people(), local.listUsers(),
          ])
          const keptById = new Map(kept.map((a) => [a.id, a]))
          const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? known.get(id)?.name ?? (id === user.id ? user.name : 'Unknown person')
          const out: TrainingAttemptRecord[] = []
          for (const a of remote) {
            const localId = links.get(a.id)
            const full = localId === undefined ? undefined : keptById.get(localId)
            out.push(full ?? await attemptRecordOf(a, nameOf(a.userId)))
          }
          for (const e of outbox) {
            const full = e.route === 'addAttempt' && e.local?.attemptId ? keptById.get(e.local.attemptId) : undefined
            if (full) out.push(full)
          }
          return out.sort(bySubmitted)
        },
        listPracticeCases: async () => [...(await recordValues<PracticeCaseRecord>('practice-case')).values()].sort(byCaseTitle),
        savePracticeCase: (r) => saveRecord('practice-case', r.id, r),
        async savePracticeCases(records) {
          for (const r of records) {
            const problem = recordValueProblem('practice-case', r.id, r)
            if (problem) throw new Error(`Nothing saved: case ${r.id}: ${problem.message}.`)
          }
          for (const r of records) await saveRecord('practice-case', r.id, r)
        },
        deletePracticeCase: (id) => deleteRecord('practice-case', id),
      }
    },

    // ---- claim history: uploaded to the server, read from the replica
    async importHistory(_rows, meta, onProgress) {
      if (!options.uploadHistory || !meta.source) throw new Error('This version of the app cannot upload claim history to the group server.')
      const result = await options.uploadHistory({ fileName: meta.fileName, ...meta.source }, onProgress)
      void engine.pull()
      return { added: result.added, duplicates: result.duplicates }
    },
    async listImports() {
      return (await replica.historyImports()).map(importRecordOf)
    },

    // ---- imported 835 files: sent to the server (parsed and matched there again), read from the replica
    ...createGroupRemittances(engine),
    // ---- the practice's charge-export log: sent to the server, read from the replica
    recordChargeExports: chargeExports.recordChargeExports,
    listChargeExports: chargeExports.listChargeExports,
    // ---- the practice's shared records (the server's; this workstation's own stay in its local store)
    listProviders: async () => [...(await recordValues<ProviderRecord>('provider')).values()].sort((a, b) => a.name.localeCompare(b.name)),
    saveProvider: (p) => saveRecord('provider', p.id, p),
    deleteProvider: (id) => deleteRecord('provider', id),
    ...reference,
    getCoverageSettings: async () => (await recordValues<CoverageSettingsRecord>('coverage-settings')).get('practice') ?? EMPTY_COVERAGE_SETTINGS,
    saveCoverageSettings: (r) => saveRecord('coverage-settings', 'practice', { ...r, id: 'practice' }),
    getChargeSettings: async () => (await recordValues<ChargeSettingsRecord>('charge-settings')).get('practice') ?? null,
    saveChargeSettings: (r) => saveRecord('charge-settings', 'practice', { ...r, id: 'practice' }),
    listPayerProfiles: async () => [...(await recordValues<CustomPayerProfileRecord>('payer-profile')).values()].sort((a, b) => a.profile.name.localeCompare(b.profile.name)),
    savePayerProfile: (r) => saveRecord('payer-profile', r.profile.id, r),
    deletePayerProfile: (id) => deleteRecord('payer-profile', id),
    listNdcList: async () => [...(await recordValues<NdcListRecord>('ndc-list-entry')).values()].sort(byNdcListOrder),
    saveNdcEntry: (r) => saveRecord('ndc-list-entry', r.id, r),
    deleteNdcEntry: (id) => deleteRecord('ndc-list-entry', id),
    countRecords: () => local.countRecords(),
    exportBackup: () => local.exportBackup(),
    restoreBackup: (data, onProgress) => local.restoreBackup(data, onProgress),
    clearAll: () => local.clearAll(),
    onConnectionLost: (listener) => local.onConnectionLost(listener),
    subscribe(listener) {
      const offLocal = local.subscribe(listener)
      const offReplica = replica.subscribe((tables) => listener([...new Set(tables.flatMap((t) => TABLES_OF[t]))]))
      return () => { offLocal(); offReplica() }
    },

    // ---- the outbox, for the "Changes waiting" screen
    async waitingChanges() {
      const entries = await engine.outbox()
      return Promise.all(entries.map(async (entry): Promise<WaitingChange> => ({
        entry,
        current: entry.route === 'decide' ? (await replica.encounter(entry.params.id)) ?? null : null,
        ...(entry.route === 'saveRecord' || entry.route === 'deleteRecord' ? { currentRecord: (await replica.record(entry.params.kind, entry.params.key)) ?? null } : {}),
      })))
    },
    retryChange: (order, body) => engine.retry(order, body === undefined ? undefined : { body }),
    discardChange: (order) => engine.discard(order),
    async reopenAsDraft(order) {
      const entry = (await engine.outbox()).find((e) => e.order === order)
      const draft = entry?.route === 'finalize' ? entry.local?.draft : undefined
      if (!entry || !draft) throw new Error('This change holds no worksheet to reopen.')
      if (entry.state !== 'needs-attention') throw new Error('This change is still waiting to be sent; only a change the server refused can be reopened.')
      await local.saveDraft({ ...draft, updatedAt: now() })
      await engine.discard(order)
      return draft.id
    },
  }
  return store
}
