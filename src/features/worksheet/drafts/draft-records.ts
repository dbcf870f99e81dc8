import type { EvaluationInput } from '../../../domain/index.ts'
import type { DraftRecord, EncounterRecord } from '../../../storage/index.ts'
import { inputToWorksheet, worksheetValuesSchema, type WorksheetValues } from '../model/index.ts'

/** Reads a stored draft's values, or null when they no longer match the form's shape. */
export function readDraftValues(draft: DraftRecord): WorksheetValues | null {
  const parsed = worksheetValuesSchema.safeParse(draft.values)
  return parsed.success ? parsed.data : null
}

/** A draft record for the form's values, keeping the creation time of an earlier save. */
export function toDraftRecord(id: string, values: WorksheetValues, now: string, previous?: DraftRecord): DraftRecord {
  return {
    id,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    patientId: values.patientId.trim(),
    dateOfService: values.dateOfService,
    values,
    status: previous?.status ?? 'draft',
    returnNote: previous?.returnNote ?? null,
  }
}

export function newDraftId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/**
 * The draft a supervisor's return puts in the coder's drafts: the finalized encounter's values
 * under the encounter's own id, so that finalizing it again replaces the encounter.
 */
export function toReturnedDraft(record: EncounterRecord, note: string, now: string): DraftRecord {
  const values = inputToWorksheet({ schemaVersion: 1, encounter: record.encounter, history: [] })
  return { id: record.id, createdAt: now, updatedAt: now, patientId: values.patientId.trim(), dateOfService: values.dateOfService, values, status: 'returned', returnNote: note }
}

/** A new draft holding an encounter from elsewhere (a rule library example), as an import would. */
export function draftFromInput(id: string, input: EvaluationInput, now: string): DraftRecord {
  return toDraftRecord(id, inputToWorksheet(input), now)
}
