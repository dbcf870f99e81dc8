import { builtInPayerProfiles } from '../../src/domain/index.ts'
import { practiceCases } from '../../src/domain/training/cases/index.ts'
import type { RecordKind } from '../../src/group-api/record-kinds.ts'

/** Valid record values of each kind, keyed as the app keys them, for the server's tests. */
const AT = '2026-11-20T09:30:00.000Z'

export function providerValue(key: string, name = `Dr ${key}`) {
  return { id: key, name }
}

export function payerProfileValue(key: string, name = `Custom ${key}`) {
  return { profile: { ...structuredClone(builtInPayerProfiles[0]), id: key, name }, basedOn: builtInPayerProfiles[0].id, createdAt: AT, updatedAt: AT }
}

export function practiceCaseValue(key: string) {
  const base = structuredClone(practiceCases[0])
  return { id: key, case: { ...base, id: key, title: `Case ${key}` }, origin: 'authored', createdAt: AT, updatedAt: AT, userId: 'author', userName: 'Author' }
}

export function coverageSettingsValue() {
  return { id: 'practice', choices: {}, settings: {}, updatedAt: AT }
}

export function draftValue(key: string, patientId = 'PT-DRAFT-1') {
  return { id: key, createdAt: AT, updatedAt: AT, patientId, dateOfService: '2026-11-20', values: { patientId, notes: 'left L4-L5' }, status: 'draft', returnNote: null }
}

/** An entry of the practice's NDC list (a made-up NDC, in the 11-digit form). */
export function ndcListEntryValue(key: string, hcpcs = 'J1100') {
  return { id: key, hcpcs, ndc11: '12345678901', description: 'dexamethasone 10 mg/mL, 1 mL vial', unit: 'ML', effectiveFrom: '2026-01-01', effectiveTo: null, updatedAt: AT }
}

/** The practice's charge file settings (one record, key 'practice'): MSH names and two CSV columns. */
export function chargeSettingsValue(receivingApplication = 'PMS') {
  return {
    id: 'practice', sendingApplication: 'ICW', sendingFacility: 'Spine Clinic', receivingApplication, receivingFacility: '',
    columns: [{ header: 'Acct', field: 'patientAccount' }, { header: 'CPT', field: 'code' }], updatedAt: AT,
  }
}

/** A valid value of the kind under the key (coverage settings, charge settings: key 'practice'). */
export function valueOf(kind: RecordKind, key: string): unknown {
  switch (kind) {
    case 'provider': return providerValue(key)
    case 'payer-profile': return payerProfileValue(key)
    case 'practice-case': return practiceCaseValue(key)
    case 'coverage-settings': return coverageSettingsValue()
    case 'draft': return draftValue(key)
    case 'ndc-list-entry': return ndcListEntryValue(key)
    case 'charge-settings': return chargeSettingsValue()
  }
}

export const keyFor = (kind: RecordKind, n: number | string): string => (kind === 'coverage-settings' || kind === 'charge-settings' ? 'practice' : kind === 'payer-profile' ? `custom-${n}` : `${kind}-${n}`)
