import { createContext } from '../context.ts'
import { evaluate } from '../evaluate.ts'
import { evaluationInputSchema, type EvaluationInput, type EvaluationInputDraft, type LevelEntry } from '../schema.ts'
import type { EvaluationContext, EvaluationResult, Finding } from '../types.ts'
import type { Side, SpinalLevel } from '../vocabulary.ts'

/** Small builders for table-driven rule tests: whole encounters with only the facts a test cares about. */

type EncounterDraft = EvaluationInputDraft['encounter']
type ProcedureDraft = EncounterDraft['procedures'][number]

export const TODAY = '2026-11-26'

export function input(encounter: Partial<EncounterDraft>, history: EvaluationInputDraft['history'] = []): EvaluationInput {
  return evaluationInputSchema.parse({
    encounter: {
      dateOfService: '2026-10-14',
      patientId: 'PT-1001',
      providerId: 'DR-A',
      placeOfService: '11',
      claimType: 'professional',
      payerProfile: 'medicare',
      priorAuthorization: null,
      diagnoses: ['M47.816'],
      procedures: [],
      drugs: [],
      otherLines: [],
      documentation: {},
      ...encounter,
    },
    history,
  })
}

export function run(encounter: Partial<EncounterDraft>, history: EvaluationInputDraft['history'] = [], context: Partial<EvaluationContext> = {}): EvaluationResult {
  return evaluate(input(encounter, history), { ...createContext(TODAY), ...context })
}

const levels = (list: ReadonlyArray<readonly [SpinalLevel, Side | null]>): LevelEntry[] => list.map(([level, side]) => ({ level, side }))

export const tpi = (muscles: ReadonlyArray<readonly [string, Side | null, number]>, technique: 'injection' | 'dry-needling' | 'acupuncture' = 'injection', guidance: 'none' | 'ultrasound' | 'fluoroscopy' | 'ct' = 'none'): ProcedureDraft => ({
  type: 'trigger-point', technique, guidance, muscles: muscles.map(([muscle, side, injections]) => ({ muscle, side, injections })),
})

export const facet = (list: ReadonlyArray<readonly [SpinalLevel, Side | null]>, purpose: 'diagnostic' | 'therapeutic' = 'diagnostic', guidance: 'fluoroscopy' | 'ct' | 'ultrasound' | 'none' = 'fluoroscopy'): ProcedureDraft => ({
  type: 'facet-injection', purpose, guidance, levels: levels(list),
})

export const rfa = (list: ReadonlyArray<readonly [SpinalLevel, Side | null]>, guidance: 'fluoroscopy' | 'ct' | 'ultrasound' | 'none' = 'fluoroscopy'): ProcedureDraft => ({
  type: 'facet-rfa', guidance, levels: levels(list),
})

export const transforaminal = (list: ReadonlyArray<readonly [SpinalLevel, Side | null]>, purpose: 'therapeutic' | 'diagnostic-nerve-root-block' = 'therapeutic', guidance: 'fluoroscopy' | 'ct' | 'ultrasound' | 'none' = 'fluoroscopy'): ProcedureDraft => ({
  type: 'epidural', approach: 'transforaminal', purpose, guidance, levels: levels(list),
})

export const interlaminar = (list: ReadonlyArray<readonly [SpinalLevel, Side | null]>, guidance: 'fluoroscopy' | 'ct' | 'ultrasound' | 'none' = 'fluoroscopy', purpose: 'therapeutic' | 'diagnostic-nerve-root-block' = 'therapeutic'): ProcedureDraft => ({
  type: 'epidural', approach: 'interlaminar', purpose, guidance, levels: levels(list),
})

export const caudal = (guidance: 'fluoroscopy' | 'ct' | 'ultrasound' | 'none' = 'fluoroscopy', region?: 'cervical-thoracic' | 'lumbar-sacral'): ProcedureDraft => ({
  type: 'epidural', approach: 'caudal', purpose: 'therapeutic', guidance, levels: [], ...(region ? { region } : {}),
})

/** Lines as "code-MOD-MOD xUnits", the way a coder reads a claim. */
export function claim(result: EvaluationResult): string[] {
  return result.lines.map((l) => `${[l.code, ...l.modifiers].join('-')} x${l.units}`)
}

export function findings(result: EvaluationResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId)
}

export function ruleIds(result: EvaluationResult): string[] {
  return [...new Set(result.findings.map((f) => f.ruleId))]
}
