import { redFlagDiagnoses, supportingDiagnoses } from '../data/diagnoses.ts'
import { familyLabels, type Family } from '../vocabulary.ts'
import { coverageLoadedFor } from './coverage-lists.ts'
import { checkRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

const ICD10_CM = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/

/** Writes a diagnosis with its decimal point (M47816 becomes M47.816); leaves malformed text as typed. */
export function normalizeDiagnosis(raw: string): string {
  const code = raw.trim().toUpperCase()
  // By code point: a dot put inside a surrogate pair would leave text no database can store.
  const chars = [...code]
  if (!code.includes('.') && chars.length > 3) return `${chars.slice(0, 3).join('')}.${chars.slice(3).join('')}`
  return code
}

export function isIcd10CmFormat(code: string): boolean {
  return ICD10_CM.test(code)
}

function familiesOf(facts: Facts): Family[] {
  return [...new Set(facts.encounter.procedures.filter((p) => p.type !== 'trigger-point' || p.technique === 'injection').map((p) => p.type))]
}

const matches = (dx: string, prefix: string): boolean => dx.startsWith(prefix)

export const diagnosisRules: readonly RuleDefinition[] = [
  checkRule({
    id: 'DX-FORMAT', title: 'Diagnosis not in ICD-10-CM format', scope: 'claim',
    severity: 'error', category: 'diagnosis', sources: ['ICD10-FORMAT'],
    check: (facts) => facts.diagnoses.flatMap((dx, i): RuleHit[] => (isIcd10CmFormat(dx) ? [] : [{
      message: `"${facts.encounter.diagnoses[i] ?? dx}" is not an ICD-10-CM code.`,
      fix: 'Enter the code as written in ICD-10-CM, e.g. M47.816.',
      trace: [{ fact: 'diagnosis', value: facts.encounter.diagnoses[i] ?? dx }],
    }])),
  }),
  checkRule({
    id: 'DX-SUPPORT', title: 'No diagnosis that supports the procedure', scope: 'claim',
    severity: 'warning', category: 'diagnosis', sources: ['DX-GROUPS'],
    check: (facts) => {
      if (facts.diagnoses.length === 0) return []
      // Where the practice loaded its MAC's article for the family, DX-COVERAGE checks the real list instead.
      return familiesOf(facts).filter((family) => !coverageLoadedFor(facts, family)).flatMap((family): RuleHit[] => {
        const groups = supportingDiagnoses[family]
        if (facts.diagnoses.some((dx) => groups.some((g) => matches(dx, g.prefix)))) return []
        return [{
          message: `None of the diagnoses (${facts.diagnoses.join(', ')}) is in the groups that usually support ${familyLabels[family].toLowerCase()} coverage. These groups are inferred from the LCD indications, not the article's code list.`,
          fix: `Check the chart for a supporting diagnosis, e.g. ${groups.slice(0, 3).map((g) => g.label).join('; ')}; and check your MAC's article code list.`,
          trace: [{ fact: 'family', value: family }, { fact: 'diagnoses', value: facts.diagnoses.join(', ') }],
        }]
      })
    },
  }),
  checkRule({
    id: 'DX-RED-FLAG', title: 'Diagnosis that argues against the procedure', scope: 'claim',
    severity: 'warning', category: 'diagnosis', sources: ['DX-GROUPS'],
    check: (facts) => familiesOf(facts).flatMap((family) => {
      const flags = redFlagDiagnoses[family] ?? []
      const supported = supportingDiagnoses[family].some((g) => facts.diagnoses.some((dx) => matches(dx, g.prefix)))
      return flags.flatMap((flag): RuleHit[] => {
        const dx = facts.diagnoses.find((d) => matches(d, flag.prefix))
        if (!dx) return []
        // Axial-pain codes matter only when nothing radicular supports the epidural.
        if (family === 'epidural' && supported) return []
        return [{
          message: `${dx} (${flag.label}) is coded with ${familyLabels[family].toLowerCase()}: ${flag.why}.`,
          fix: 'Make sure the note and the diagnosis codes describe the indication the payer covers; remove the conflicting code if it does not apply.',
          trace: [{ fact: 'family', value: family }, { fact: 'diagnosis', value: dx }],
        }]
      })
    }),
  }),
]
