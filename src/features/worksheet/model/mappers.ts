import {
  drugSchema, encounterSchema, isIsoDateText, otherLineSchema, SCHEMA_VERSION,
  type Drug, type EvaluationInput, type HistoryLine, type OtherLine, type Procedure,
} from '../../../domain/index.ts'
import { newKey } from './defaults.ts'
import { enteredDiagnoses, linePointersToInput, linePointersToValues } from './pointers.ts'
import type { ProcedureValues, WorksheetValues } from './values.ts'

/** A problem with what the form holds, at the form path a field can show it under. */
export interface FormIssue {
  path: string
  message: string
}

const NAME_LIKE = /^[A-Za-z]+[ ,]+[A-Za-z]/

/** Stand-in the live checks use for a header field not filled in yet; it never becomes a value. */
export const NOT_ENTERED = '(not entered)'

const entered = (text: string): string => (text === NOT_ENTERED ? '' : text)

function procedureFromValues(p: ProcedureValues, index: number, issues: FormIssue[]): Procedure {
  const levels = p.levels.map((l) => ({ level: l.level, side: l.side === '' ? null : l.side }))
  switch (p.type) {
    case 'trigger-point': {
      const muscles = p.muscles.flatMap((m, mi) => {
        const name = m.muscle.trim()
        if (name === '') return []
        let injections = m.injections
        if (!Number.isInteger(injections) || injections < 1) {
          issues.push({ path: `procedures.${index}.muscles.${mi}.injections`, message: 'Enter the number of injections (1 or more)' })
          injections = 1
        }
        return [{ muscle: name, side: m.side === '' ? null : m.side, injections: Math.min(injections, 99) }]
      })
      return { type: 'trigger-point', technique: p.technique, guidance: p.guidance, muscles }
    }
    case 'facet-injection':
      return { type: 'facet-injection', purpose: p.facetPurpose, guidance: p.guidance, levels }
    case 'facet-rfa':
      return { type: 'facet-rfa', guidance: p.guidance, levels }
    case 'epidural':
      return {
        type: 'epidural', approach: p.approach, purpose: p.epiduralPurpose, guidance: p.guidance,
        levels: p.approach === 'caudal' ? [] : levels,
        ...(p.region !== '' ? { region: p.region } : {}),
      }
  }
}

function splitModifiers(text: string): string[] {
  return text.split(/[\s,;-]+/).map((m) => m.trim().toUpperCase()).filter((m) => m !== '')
}

/**
 * The interchange input for what the form holds right now, for the live panel: rows still
 * being typed are left out and reported as issues, and missing header fields get a stand-in
 * so the checks can run; every such gap is an issue for the form to show.
 */
export function worksheetToInput(values: WorksheetValues, history: readonly HistoryLine[], today: string): { input: EvaluationInput; issues: FormIssue[] } {
  const issues: FormIssue[] = []
  let dateOfService = values.dateOfService
  if (!isIsoDateText(dateOfService)) {
    issues.push({ path: 'dateOfService', message: 'Enter the date of service (checks use today\'s date until then)' })
    dateOfService = today
  }
  const patientId = values.patientId.trim()
  if (patientId === '') issues.push({ path: 'patientId', message: 'Enter the patient account' })
  else if (NAME_LIKE.test(patientId)) issues.push({ path: 'patientId', message: 'Use the patient account number, never the patient\'s name' })
  if (values.providerId.trim() === '') issues.push({ path: 'providerId', message: 'Pick the rendering provider' })

  const drugs: Drug[] = []
  values.drugs.forEach((d, i) => {
    if (d.code.trim() === '') {
      if (d.name.trim() !== '' || Number.isFinite(d.dose)) issues.push({ path: `drugs.${i}.code`, message: 'Pick the drug code' })
      return
    }
    const { ndc, ndcQuantity, ndcUnit, ...rest } = d
    const parsed = drugSchema.safeParse({
      ...rest, dose: Number.isFinite(d.dose) ? d.dose : undefined,
      ...(ndc && ndc.trim() !== '' ? { ndc: ndc.trim() } : {}),
      ...(ndcQuantity !== undefined && Number.isFinite(ndcQuantity) ? { ndcQuantity } : {}),
      ...(ndcUnit ? { ndcUnit } : {}),
    })
    if (parsed.success) drugs.push(parsed.data)
    else for (const issue of parsed.error.issues) issues.push({ path: `drugs.${i}.${issue.path.map(String).join('.')}`, message: issue.message })
  })

  const otherLines: OtherLine[] = []
  values.otherLines.forEach((o, i) => {
    if (o.code.trim() === '') return
    const parsed = otherLineSchema.safeParse({ code: o.code, modifiers: splitModifiers(o.modifiers), units: Number.isFinite(o.units) ? o.units : 1 })
    if (parsed.success) otherLines.push(parsed.data)
    else for (const issue of parsed.error.issues) issues.push({ path: `otherLines.${i}.${issue.path.map(String).join('.')}`, message: issue.message })
  })

  const diagnoses = enteredDiagnoses(values)
  const linePointers = linePointersToInput(values, diagnoses, issues)
  const encounter = {
    dateOfService,
    patientId: patientId === '' ? NOT_ENTERED : patientId.slice(0, 40),
    providerId: values.providerId.trim() === '' ? NOT_ENTERED : values.providerId.trim(),
    placeOfService: values.placeOfService,
    claimType: values.claimType,
    payerProfile: values.payerProfile,
    priorAuthorization: values.priorAuthorization.trim() === '' ? null : values.priorAuthorization.trim(),
    diagnoses,
    procedures: values.procedures.map((p, i) => procedureFromValues(p, i, issues)),
    drugs,
    otherLines,
    documentation: values.documentation,
    ...(linePointers ? { linePointers } : {}),
  }
  // The history comes from the app's own store, already validated; it is passed through as
  // the same array so the rule module's per-history cache holds while the coder types.
  const parsed = encounterSchema.safeParse(encounter)
  if (parsed.success) return { input: { schemaVersion: SCHEMA_VERSION, encounter: parsed.data, history: history as HistoryLine[] }, issues }
  for (const issue of parsed.error.issues) issues.push({ path: issue.path.map(String).join('.'), message: issue.message })
  return { input: { schemaVersion: SCHEMA_VERSION, encounter: encounterSchema.parse({ ...encounter, diagnoses: [], procedures: [], linePointers: undefined }), history: history as HistoryLine[] }, issues }
}

function procedureToValues(p: Procedure): ProcedureValues {
  const base: ProcedureValues = {
    key: newKey(), type: p.type, technique: 'injection', guidance: p.guidance, facetPurpose: 'diagnostic',
    approach: 'transforaminal', epiduralPurpose: 'therapeutic', region: '', muscles: [], levels: [],
  }
  switch (p.type) {
    case 'trigger-point':
      return { ...base, technique: p.technique, muscles: p.muscles.map((m) => ({ muscle: m.muscle, side: m.side ?? '', injections: m.injections })) }
    case 'facet-injection':
      return { ...base, facetPurpose: p.purpose, levels: p.levels.map((l) => ({ level: l.level, side: l.side ?? '' })) }
    case 'facet-rfa':
      return { ...base, levels: p.levels.map((l) => ({ level: l.level, side: l.side ?? '' })) }
    case 'epidural':
      return { ...base, approach: p.approach, epiduralPurpose: p.purpose, region: p.region ?? '', levels: p.levels.map((l) => ({ level: l.level, side: l.side ?? '' })) }
  }
}

/** Form values for an interchange encounter (import, reopening a finalized encounter). */
export function inputToWorksheet(input: EvaluationInput): WorksheetValues {
  const e = input.encounter
  const linePointers = linePointersToValues(e.linePointers, e.diagnoses)
  return {
    dateOfService: e.dateOfService,
    patientId: entered(e.patientId),
    providerId: entered(e.providerId),
    placeOfService: e.placeOfService,
    claimType: e.claimType,
    payerProfile: e.payerProfile,
    priorAuthorization: e.priorAuthorization ?? '',
    diagnoses: e.diagnoses.length > 0 ? e.diagnoses.map((code) => ({ code })) : [{ code: '' }],
    procedures: e.procedures.map(procedureToValues),
    drugs: e.drugs.map((d) => ({ ...d })),
    otherLines: e.otherLines.map((o) => ({ code: o.code, modifiers: o.modifiers.join(' '), units: o.units })),
    documentation: { ...e.documentation },
    ...(linePointers ? { linePointers } : {}),
  }
}
