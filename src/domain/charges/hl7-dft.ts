import { defaultPointers, POINTER_LETTERS } from '../coverage/diagnosis-pointers.ts'
import { formatNdc11 } from '../ndc/ndc.ts'
import type { ClaimLine } from '../types.ts'
import type { ChargeEncounter } from './types.ts'

/**
 * HL7 v2.5 DFT^P03 (post detail financial transaction): one message per encounter, with MSH, EVN,
 * PID (the patient account), PV1 (the visit and performing provider) and one FT1 per claim line.
 *
 *   FT1-1 set ID · FT1-2 transaction ID · FT1-4 transaction date (date of service) · FT1-5 posting
 *   date · FT1-6 CG (charge) · FT1-7 transaction code · FT1-8 description (our own label) ·
 *   FT1-10 quantity (units) · FT1-19 diagnoses (ICD-10-CM, I10) · FT1-20 performed by ·
 *   FT1-25 procedure code (C4 for CPT, HCPCS for Level II) · FT1-26 modifiers · FT1-29 NDC
 *
 * Segments end with a carriage return, as HL7 v2 requires.
 */

export interface Hl7Envelope {
  sendingApplication: string
  sendingFacility: string
  receivingApplication: string
  receivingFacility: string
  /** When the file is made, ISO date-time (MSH-7, EVN-2, FT1-5). */
  createdAt: string
  /** Prefix of each message's control ID (MSH-10); the encounter's number in the file follows it. */
  controlIdPrefix: string
  /** P (production), T (training) or D (debugging). */
  processingId: 'P' | 'T' | 'D'
}

/** Text made safe for an HL7 field: the separators escaped, line breaks flattened. */
export function escapeHl7(text: string): string {
  return text
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/&/g, '\\T\\')
    .replace(/~/g, '\\R\\')
    .replace(/[\r\n]+/g, ' ')
}

/** 2026-10-14 → 20261014; 2026-12-05T09:30:15.123Z → 20261205093015 (UTC). */
export function hl7Date(iso: string): string {
  return iso.length <= 10 ? iso.replace(/-/g, '') : iso.slice(0, 19).replace(/[-:T]/g, '')
}

/** CPT (five digits, or four and a letter) is C4; a Level II code (a letter and four digits) is HCPCS. */
export function codingSystemOf(code: string): 'C4' | 'HCPCS' {
  return /^[A-Z]/.test(code) ? 'HCPCS' : 'C4'
}

function segment(name: string, fields: readonly string[]): string {
  let end = fields.length
  while (end > 0 && fields[end - 1] === '') end--
  return [name, ...fields.slice(0, end)].join('|')
}

/** Up to four diagnoses for a line, by its pointers (box 24E) or the encounter's first four. */
function lineDiagnoses(encounter: ChargeEncounter, line: ClaimLine): string[] {
  const pointers = line.pointers ?? defaultPointers(encounter.diagnoses)
  return pointers.map((p) => encounter.diagnoses[POINTER_LETTERS.indexOf(p)]).filter((d): d is string => d !== undefined && d !== '')
}

function ft1(encounter: ChargeEncounter, line: ClaimLine, index: number, envelope: Hl7Envelope): string {
  const code = `${escapeHl7(line.code)}^${escapeHl7(line.label)}^${codingSystemOf(line.code)}`
  const fields = Array.from({ length: 29 }, () => '')
  const set = (n: number, value: string) => { fields[n - 1] = value }
  set(1, String(index + 1))
  set(2, escapeHl7(`${encounter.encounterId}-${index + 1}`))
  set(4, hl7Date(encounter.dateOfService))
  set(5, hl7Date(envelope.createdAt))
  set(6, 'CG')
  set(7, code)
  set(8, escapeHl7(line.box19 ?? line.label))
  set(10, String(line.units))
  set(19, lineDiagnoses(encounter, line).map((d) => `${escapeHl7(d)}^^I10`).join('~'))
  set(20, escapeHl7(encounter.providerId))
  set(25, code)
  set(26, line.modifiers.map(escapeHl7).join('~'))
  if (line.ndc) {
    const amount = line.ndc.quantity === null ? '' : `${line.ndc.unit ?? ''}${Number(line.ndc.quantity.toFixed(3))}`
    set(29, `${line.ndc.ndc11}^${escapeHl7(`${formatNdc11(line.ndc.ndc11)}${amount ? ` ${amount}` : ''}`)}^NDC`)
  }
  return segment('FT1', fields)
}

/** One encounter's DFT^P03 message; `sequence` (1-based) makes its control ID unique in the file. */
export function dftP03Message(encounter: ChargeEncounter, envelope: Hl7Envelope, sequence: number): string {
  const at = hl7Date(envelope.createdAt)
  const msh = `MSH|^~\\&|${[
    escapeHl7(envelope.sendingApplication), escapeHl7(envelope.sendingFacility),
    escapeHl7(envelope.receivingApplication), escapeHl7(envelope.receivingFacility),
    at, '', 'DFT^P03^DFT_P03', escapeHl7(`${envelope.controlIdPrefix}${sequence}`), envelope.processingId, '2.5',
  ].join('|')}`
  const segments = [
    msh,
    segment('EVN', ['P03', at]),
    segment('PID', ['1', '', `${escapeHl7(encounter.patientId)}^^^^MR`, '', '', '', '', '', '', '', '', '', '', '', '', '', '', escapeHl7(encounter.patientId)]),
    segment('PV1', ['1', 'O', '', '', '', '', `${escapeHl7(encounter.providerId)}^`, '', '', '', '', '', '', '', '', '', '', '', escapeHl7(encounter.encounterId)]),
    ...encounter.lines.map((line, i) => ft1(encounter, line, i, envelope)),
  ]
  return `${segments.join('\r')}\r`
}

/** A file of DFT^P03 messages, one per encounter, in the order given. */
export function dftP03File(encounters: readonly ChargeEncounter[], envelope: Hl7Envelope): string {
  return encounters.map((e, i) => dftP03Message(e, envelope, i + 1)).join('')
}
