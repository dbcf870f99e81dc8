import HL7 from 'hl7-standard'
import { describe, expect, it } from 'vitest'
import { createContext } from '../context.ts'
import { evaluate } from '../evaluate.ts'
import { input, rfa, transforaminal } from '../testing/builders.ts'
import { chargeRows, DEFAULT_CHARGE_COLUMNS, dftP03File, escapeHl7, type ChargeEncounter, type Hl7Envelope } from './index.ts'

const envelope: Hl7Envelope = {
  sendingApplication: 'ICW', sendingFacility: 'Valley Pain', receivingApplication: 'PMS', receivingFacility: 'Valley Pain',
  createdAt: '2026-12-05T09:30:15.000Z', controlIdPrefix: 'ICW20261205-', processingId: 'P',
}

function charge(id: string, encounter: Parameters<typeof input>[0]): ChargeEncounter {
  const parsed = input(encounter)
  const result = evaluate(parsed, createContext('2026-11-26'))
  const e = parsed.encounter
  return { encounterId: id, patientId: e.patientId, providerId: e.providerId, dateOfService: e.dateOfService, placeOfService: e.placeOfService, payerProfile: e.payerProfile, diagnoses: e.diagnoses, lines: result.lines }
}

const esi = charge('E-100', {
  patientId: 'ACCT-77', diagnoses: ['M54.16', 'M51.16'],
  procedures: [transforaminal([['L3-L4', 'left'], ['L4-L5', 'left'], ['L5-S1', 'left']], 'diagnostic-nerve-root-block')],
  drugs: [{ code: 'J1100', name: 'dexamethasone', dose: 8, unit: 'mg', category: 'steroid', ndc: '99999-101-01', ndcQuantity: 2, ndcUnit: 'ML' }],
})
const ablation = charge('E-101', { patientId: 'ACCT-78', providerId: 'DR-B', procedures: [rfa([['L4-L5', 'right']])] })

function parse(message: string) {
  const hl7 = new HL7(message)
  hl7.transform()
  return hl7
}

describe('HL7 v2.5 DFT^P03', () => {
  const file = dftP03File([esi, ablation], envelope)
  const messages = file.split(/(?=MSH\|)/)

  it('writes one message per encounter, segments ended by carriage returns', () => {
    expect(messages).toHaveLength(2)
    expect(file.includes('\n')).toBe(false)
    expect(messages[0]?.split('\r').filter((s) => s !== '').map((s) => s.slice(0, 3))).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'FT1', 'FT1', 'FT1'])
  })

  it('reads back in an independent HL7 parser with the header, patient and visit in place', () => {
    const hl7 = parse(messages[0] ?? '')
    expect([hl7.get('MSH.3'), hl7.get('MSH.4'), hl7.get('MSH.7'), hl7.get('MSH.9.1'), hl7.get('MSH.9.2'), hl7.get('MSH.9.3'), hl7.get('MSH.10'), hl7.get('MSH.11'), hl7.get('MSH.12')])
      .toEqual(['ICW', 'Valley Pain', '20261205093015', 'DFT', 'P03', 'DFT_P03', 'ICW20261205-1', 'P', '2.5'])
    expect([hl7.get('EVN.1'), hl7.get('EVN.2')]).toEqual(['P03', '20261205093015'])
    expect([hl7.get('PID.3.1'), hl7.get('PID.3.5'), hl7.get('PID.18')]).toEqual(['ACCT-77', 'MR', 'ACCT-77'])
    expect([hl7.get('PV1.2'), hl7.get('PV1.7.1'), hl7.get('PV1.19')]).toEqual(['O', 'DR-A', 'E-100'])
    expect(parse(messages[1] ?? '').get('MSH.10')).toBe('ICW20261205-2')
  })

  it('puts each claim line in an FT1 at the standard positions: date, charge, code, modifiers, quantity, diagnoses, provider, NDC', () => {
    const hl7 = parse(messages[0] ?? '')
    const ft1 = (field: string, index: number, repeat = 0) => hl7.get(field, index, repeat)
    expect(hl7.getSegments('FT1')).toHaveLength(3)
    // Line 2 is 64484 with two units (two add-on levels), KX for the diagnostic block.
    expect([ft1('FT1.1', 1), ft1('FT1.2', 1), ft1('FT1.4', 1), ft1('FT1.5', 1), ft1('FT1.6', 1)]).toEqual(['2', 'E-100-2', '20261014', '20261205093015', 'CG'])
    expect([ft1('FT1.7.1', 1), ft1('FT1.7.3', 1), ft1('FT1.10', 1), ft1('FT1.20', 1)]).toEqual(['64484', 'C4', '2', 'DR-A'])
    expect([ft1('FT1.25.1', 1), ft1('FT1.25.3', 1)]).toEqual(['64484', 'C4'])
    expect([ft1('FT1.26.1', 1, 0), ft1('FT1.26.1', 1, 1)]).toEqual(['LT', 'KX'])
    expect([ft1('FT1.19.1', 1, 0), ft1('FT1.19.3', 1, 0), ft1('FT1.19.1', 1, 1)]).toEqual(['M54.16', 'I10', 'M51.16'])
    // The drug line: a Level II code, its units, and the NDC padded to 11 digits (5-3-2 → 5-4-2).
    expect([ft1('FT1.7.1', 2), ft1('FT1.7.3', 2), ft1('FT1.10', 2), ft1('FT1.29.1', 2), ft1('FT1.29.3', 2)]).toEqual(['J1100', 'HCPCS', '8', '99999010101', 'NDC'])
    expect(ft1('FT1.29.2', 2)).toBe('99999-0101-01 ML2')
  })

  it('escapes the separators in free text', () => {
    expect(escapeHl7('a|b^c&d~e\\f\ng')).toBe('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f g')
    const odd = { ...ablation, providerId: 'DR|X^Y' }
    const hl7 = parse(dftP03File([odd], envelope))
    expect(hl7.get('FT1.20')).toBe('DR\\F\\X\\S\\Y')
  })
})

describe('the CSV charge file rows', () => {
  it('gives one row per claim line in the mapping\'s column order', () => {
    const rows = chargeRows([esi, ablation], DEFAULT_CHARGE_COLUMNS)
    expect(rows).toHaveLength(4)
    const header = DEFAULT_CHARGE_COLUMNS.map((c) => c.header)
    const row = (i: number) => Object.fromEntries(header.map((h, k) => [h, rows[i]?.[k]]))
    expect(row(1)).toMatchObject({ 'Patient account': 'ACCT-77', 'Procedure code': '64484', 'Modifier 1': 'LT', 'Modifier 2': 'KX', Units: '2', 'Diagnosis 1': 'M54.16', 'Diagnosis 2': 'M51.16', 'Line number': '2' })
    expect(row(2)).toMatchObject({ 'Procedure code': 'J1100', 'NDC (11 digits)': '99999-0101-01', 'NDC quantity': '2', 'NDC unit': 'ML' })
    expect(row(3)).toMatchObject({ 'Patient account': 'ACCT-78', 'Performing provider': 'DR-B', 'Procedure code': '64635', 'Modifier 1': 'RT' })
  })

  it('follows a mapping the practice saved', () => {
    expect(chargeRows([ablation], [{ header: 'CPT', field: 'code' }, { header: 'Mods', field: 'modifiers' }, { header: 'Qty', field: 'units' }])).toEqual([['64635', 'RT', '1']])
  })
})
