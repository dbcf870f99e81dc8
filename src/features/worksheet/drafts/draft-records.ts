import type { DraftRecord } from '../../../storage/index.ts'
import { worksheetValuesSchema, type WorksheetValues } from '../model/index.ts'

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
