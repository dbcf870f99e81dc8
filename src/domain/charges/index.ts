/** Charge hand-off to a practice-management system: HL7 v2.5 DFT^P03 messages and a mapped CSV charge file. */
export type { ChargeEncounter, ChargeSettings } from './types.ts'
export { codingSystemOf, dftP03File, dftP03Message, escapeHl7, hl7Date, type Hl7Envelope } from './hl7-dft.ts'
export { CHARGE_FIELDS, chargeFieldLabels, chargeRows, DEFAULT_CHARGE_COLUMNS, type ChargeColumn, type ChargeField } from './charge-rows.ts'
