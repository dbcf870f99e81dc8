import { defaultPointers, POINTER_LETTERS } from '../coverage/diagnosis-pointers.ts'
import { formatNdc11 } from '../ndc/ndc.ts'
import type { ClaimLine } from '../types.ts'
import type { ChargeEncounter } from './types.ts'

/** What a charge file column can hold, one claim line per row. */
export const CHARGE_FIELDS = [
  'encounterId', 'patientAccount', 'dateOfService', 'providerId', 'placeOfService', 'payerProfile', 'lineNumber',
  'code', 'modifiers', 'modifier1', 'modifier2', 'modifier3', 'modifier4', 'units', 'label',
  'diagnosisPointers', 'diagnosis1', 'diagnosis2', 'diagnosis3', 'diagnosis4', 'allDiagnoses',
  'ndc', 'ndcQuantity', 'ndcUnit', 'box19',
] as const
export type ChargeField = (typeof CHARGE_FIELDS)[number]

export const chargeFieldLabels: Readonly<Record<ChargeField, string>> = {
  encounterId: 'Encounter ID', patientAccount: 'Patient account', dateOfService: 'Date of service', providerId: 'Performing provider',
  placeOfService: 'Place of service', payerProfile: 'Payer profile', lineNumber: 'Line number', code: 'Procedure code',
  modifiers: 'Modifiers (space-separated)', modifier1: 'Modifier 1', modifier2: 'Modifier 2', modifier3: 'Modifier 3', modifier4: 'Modifier 4',
  units: 'Units', label: 'Description (our words)', diagnosisPointers: 'Diagnosis pointers', diagnosis1: 'Diagnosis 1', diagnosis2: 'Diagnosis 2',
  diagnosis3: 'Diagnosis 3', diagnosis4: 'Diagnosis 4', allDiagnoses: 'All diagnoses', ndc: 'NDC (11 digits)', ndcQuantity: 'NDC quantity',
  ndcUnit: 'NDC unit', box19: 'Box 19 narrative',
}

/** One column of the practice's charge file: the header it wants and the field it holds. */
export interface ChargeColumn {
  header: string
  field: ChargeField
}

/** A sensible first mapping: one column per field, headed by its label. */
export const DEFAULT_CHARGE_COLUMNS: readonly ChargeColumn[] = [
  'patientAccount', 'dateOfService', 'providerId', 'placeOfService', 'code', 'modifier1', 'modifier2', 'modifier3', 'modifier4',
  'units', 'diagnosis1', 'diagnosis2', 'diagnosis3', 'diagnosis4', 'ndc', 'ndcQuantity', 'ndcUnit', 'box19', 'encounterId', 'lineNumber',
].map((field) => ({ header: chargeFieldLabels[field as ChargeField], field: field as ChargeField }))

function value(encounter: ChargeEncounter, line: ClaimLine, index: number, field: ChargeField): string {
  const pointers = line.pointers ?? defaultPointers(encounter.diagnoses)
  const pointed = pointers.map((p) => encounter.diagnoses[POINTER_LETTERS.indexOf(p)] ?? '')
  switch (field) {
    case 'encounterId': return encounter.encounterId
    case 'patientAccount': return encounter.patientId
    case 'dateOfService': return encounter.dateOfService
    case 'providerId': return encounter.providerId
    case 'placeOfService': return encounter.placeOfService
    case 'payerProfile': return encounter.payerProfile
    case 'lineNumber': return String(index + 1)
    case 'code': return line.code
    case 'modifiers': return line.modifiers.join(' ')
    case 'modifier1': return line.modifiers[0] ?? ''
    case 'modifier2': return line.modifiers[1] ?? ''
    case 'modifier3': return line.modifiers[2] ?? ''
    case 'modifier4': return line.modifiers[3] ?? ''
    case 'units': return String(line.units)
    case 'label': return line.label
    case 'diagnosisPointers': return pointers.join('')
    case 'diagnosis1': return pointed[0] ?? ''
    case 'diagnosis2': return pointed[1] ?? ''
    case 'diagnosis3': return pointed[2] ?? ''
    case 'diagnosis4': return pointed[3] ?? ''
    case 'allDiagnoses': return encounter.diagnoses.join(' ')
    case 'ndc': return line.ndc ? formatNdc11(line.ndc.ndc11) : ''
    case 'ndcQuantity': return line.ndc?.quantity == null ? '' : String(Number(line.ndc.quantity.toFixed(3)))
    case 'ndcUnit': return line.ndc?.unit ?? ''
    case 'box19': return line.box19 ?? ''
  }
}

/** The charge file's rows (without the header), one per claim line of each encounter, in the mapping's column order. */
export function chargeRows(encounters: readonly ChargeEncounter[], columns: readonly ChargeColumn[]): string[][] {
  return encounters.flatMap((e) => e.lines.map((line, i) => columns.map((c) => value(e, line, i, c.field))))
}
