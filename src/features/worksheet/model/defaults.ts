import { DEFAULT_PAYER_PROFILE_ID, type ProcedureType } from '../../../domain/index.ts'
import type { ProcedureValues, WorksheetValues } from './values.ts'

let keySeed = 0

/** A key unique within this page, for list items that have no id of their own. */
export function newKey(prefix = 'p'): string {
  keySeed += 1
  return `${prefix}-${Date.now().toString(36)}-${keySeed}`
}

/** A new procedure of a family, with that family's usual first answers. */
export function newProcedureValues(type: ProcedureType): ProcedureValues {
  return {
    key: newKey(),
    type,
    technique: 'injection',
    guidance: type === 'trigger-point' ? 'none' : 'fluoroscopy',
    facetPurpose: 'diagnostic',
    approach: 'transforaminal',
    epiduralPurpose: 'therapeutic',
    region: '',
    muscles: type === 'trigger-point' ? [{ muscle: '', side: '', injections: 1 }] : [],
    levels: [],
  }
}

/** An empty worksheet dated today, for the practice's default provider and payer. */
export function getDefaultWorksheetValues(today: string, defaults: { providerId?: string; payerProfile?: string } = {}): WorksheetValues {
  return {
    dateOfService: today,
    patientId: '',
    providerId: defaults.providerId ?? '',
    placeOfService: '11',
    claimType: 'professional',
    payerProfile: defaults.payerProfile ?? DEFAULT_PAYER_PROFILE_ID,
    priorAuthorization: '',
    diagnoses: [{ code: '' }],
    procedures: [],
    drugs: [],
    otherLines: [],
    documentation: {},
  }
}
