import Dexie, { type EntityTable } from 'dexie'
import type { HistoryLine } from '../domain/index.ts'
import type { DraftRecord, EncounterRecord, HistoryRecord, ProviderRecord, WorksheetStore } from './types.ts'

/** The browser database. Each schema version stays listed so Dexie can upgrade older stores. */
export class WorksheetDatabase extends Dexie {
  drafts!: EntityTable<DraftRecord, 'id'>
  encounters!: EntityTable<EncounterRecord, 'id'>
  history!: EntityTable<HistoryRecord, 'id'>
  providers!: EntityTable<ProviderRecord, 'id'>

  constructor(name = 'injection-coding-worksheet') {
    super(name)
    this.version(1).stores({
      drafts: 'id, updatedAt, patientId, status',
      encounters: 'id, patientId, finalizedAt, dateOfService, review',
      history: '++id, patientId, [patientId+dateOfService], importId',
      providers: 'id, name',
    })
  }
}

function encounterLines(e: EncounterRecord): HistoryLine[] {
  return e.lines
    .filter((l) => l.origin === 'procedure')
    .map((l) => ({ dateOfService: e.dateOfService, code: l.code, modifiers: l.modifiers, units: l.units, providerId: e.providerId }))
}

/** WorksheetStore on IndexedDB through Dexie. */
export function createDexieStore(db: WorksheetDatabase = new WorksheetDatabase()): WorksheetStore {
  return {
    listDrafts: () => db.drafts.orderBy('updatedAt').reverse().toArray(),
    getDraft: (id) => db.drafts.get(id),
    saveDraft: async (draft) => { await db.drafts.put(draft) },
    deleteDraft: (id) => db.drafts.delete(id),
    finalize: (encounter, draftId) =>
      db.transaction('rw', db.encounters, db.drafts, async () => {
        await db.encounters.put(encounter)
        if (draftId) await db.drafts.delete(draftId)
      }),
    listEncounters: (patientId) => db.encounters.where('patientId').equals(patientId).sortBy('dateOfService'),
    patientHistory: async (patientId) => {
      const [encounters, imported] = await Promise.all([
        db.encounters.where('patientId').equals(patientId).toArray(),
        db.history.where('patientId').equals(patientId).toArray(),
      ])
      const lines: HistoryLine[] = encounters.flatMap(encounterLines)
      for (const h of imported) lines.push({ dateOfService: h.dateOfService, code: h.code, modifiers: h.modifiers, units: h.units, ...(h.providerId ? { providerId: h.providerId } : {}) })
      return lines.sort((a, b) => (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : 0))
    },
    listProviders: () => db.providers.orderBy('name').toArray(),
    saveProvider: async (p) => { await db.providers.put(p) },
    deleteProvider: (id) => db.providers.delete(id),
  }
}
