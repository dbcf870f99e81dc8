import type { ClaimLine } from '../types.ts'
import type { ChargeColumn } from './charge-rows.ts'

/** A finalized encounter as a charge export reads it: who, when, where, the diagnoses and the claim lines. */
export interface ChargeEncounter {
  encounterId: string
  /** The patient's account number in the practice-management system. */
  patientId: string
  providerId: string
  dateOfService: string
  placeOfService: string
  payerProfile: string
  /** In box 21 order, as entered (M54.16). */
  diagnoses: readonly string[]
  lines: readonly ClaimLine[]
}

/** What the practice saves for its charge files: the HL7 MSH names and the CSV column mapping. */
export interface ChargeSettings {
  sendingApplication: string
  sendingFacility: string
  receivingApplication: string
  receivingFacility: string
  columns: ChargeColumn[]
}
