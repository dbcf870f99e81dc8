import { lookupDrug, type Finding, type Side, type TraceFact } from '../../../domain/index.ts'
import { withoutChoiceNamed, type DrugValues, type OtherLineValues, type ProcedureValues, type WorksheetValues } from '../model/index.ts'

/** A one-click change to the form that resolves a finding; `apply` returns new values and never mutates. */
export interface FixAction {
  label: string
  apply: (values: WorksheetValues) => WorksheetValues
}

type FixBuilder = (finding: Finding, values: WorksheetValues) => FixAction[]

const TPI_CODES = new Set(['20552', '20553'])
const MAX_MODIFIERS = 4

const normalizeCode = (code: string): string => code.trim().toUpperCase()

function textFact(trace: readonly TraceFact[], ...names: string[]): string | null {
  for (const name of names) {
    const value = trace.find((t) => t.fact === name)?.value
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return null
}

function splitModifiers(text: string): string[] {
  return text.split(/[\s,;-]+/).map((m) => m.trim().toUpperCase()).filter((m) => m !== '')
}

const sideWords: Readonly<Record<Side, string>> = { left: 'left', right: 'right', bilateral: 'both sides' }

type SpinalFamily = 'facet-injection' | 'facet-rfa' | 'epidural-transforaminal'

function familyOf(p: ProcedureValues): SpinalFamily | null {
  if (p.type === 'facet-injection' || p.type === 'facet-rfa') return p.type
  if (p.type === 'epidural' && p.approach === 'transforaminal') return 'epidural-transforaminal'
  return null
}

/** Procedures whose levels the coding merges with those of `anchor` (same family, and for facets the same guidance group). */
function sameCodingGroup(anchor: ProcedureValues, other: ProcedureValues): boolean {
  if (familyOf(anchor) !== familyOf(other)) return false
  return anchor.type !== 'facet-injection' || (anchor.guidance === 'ultrasound') === (other.guidance === 'ultrasound')
}

function sideFixes(family: SpinalFamily): FixBuilder {
  return (finding, values) => {
    const level = textFact(finding.trace, 'level', 'joint')
    const index = finding.procedureIndex
    const anchor = index === undefined ? undefined : values.procedures[index]
    if (level === null || !anchor || familyOf(anchor) !== family) return []
    const inGroup = values.procedures.map((p) => sameCodingGroup(anchor, p))
    const entries = values.procedures.flatMap((p, i) => (inGroup[i] ? p.levels.filter((l) => l.level === level) : []))
    // With a side already recorded on another entry of the level, the merged side is the coder's call.
    if (entries.length === 0 || entries.some((l) => l.side !== '')) return []
    return (['left', 'right', 'bilateral'] as const).map((side) => ({
      label: `Set ${level} to ${sideWords[side]}`,
      apply: (v) => ({
        ...v,
        procedures: v.procedures.map((p) => (sameCodingGroup(anchor, p) && p.levels.some((l) => l.level === level && l.side === '')
          ? { ...p, levels: p.levels.map((l) => (l.level === level && l.side === '' ? { ...l, side } : l)) }
          : p)),
      }),
    }))
  }
}

const dsnrbApproach: FixBuilder = (finding, values) => {
  const index = finding.procedureIndex
  const p = index === undefined ? undefined : values.procedures[index]
  if (index === undefined || p?.type !== 'epidural' || p.approach === 'transforaminal') return []
  return [{
    label: 'Change approach to transforaminal',
    apply: (v) => ({ ...v, procedures: v.procedures.map((q, i) => (i === index ? { ...q, approach: 'transforaminal' } : q)) }),
  }]
}

function mapDrugs(values: WorksheetValues, match: (d: DrugValues) => boolean, change: (d: DrugValues) => DrugValues): WorksheetValues {
  return { ...values, drugs: values.drugs.map((d) => (match(d) ? change(d) : d)) }
}

const drugDeleted: FixBuilder = (finding, values) => {
  const code = textFact(finding.trace, 'code')
  const replacement = textFact(finding.trace, 'replacement')
  const info = replacement === null ? undefined : lookupDrug(replacement)
  if (code === null || !info || !values.drugs.some((d) => normalizeCode(d.code) === code)) return []
  return [{
    label: `Replace ${code} with ${info.code}`,
    apply: (v) => mapDrugs(v, (d) => normalizeCode(d.code) === code, (d) => ({ ...d, code: info.code, name: info.name, category: info.category })),
  }]
}

const drugCategory: FixBuilder = (finding, values) => {
  const entered = textFact(finding.trace, 'entered category')
  const catalog = textFact(finding.trace, 'catalog category')
  if (entered === null || catalog === null) return []
  const named = textFact(finding.trace, 'code')
  const isCandidate = (d: DrugValues): boolean => {
    const info = lookupDrug(normalizeCode(d.code))
    return !!info && !info.unclassified && info.category === catalog && d.category === entered && (named === null || info.code === named)
  }
  const codes = [...new Set(values.drugs.filter(isCandidate).map((d) => normalizeCode(d.code)))]
  // The trace does not name the drug: with two different drugs in the same mismatch, which one is meant is unknown.
  if (codes.length !== 1) return []
  return [{
    label: `Set ${codes[0]} category to ${catalog.replace(/-/g, ' ')}`,
    apply: (v) => mapDrugs(v, isCandidate, (d) => ({ ...d, category: lookupDrug(normalizeCode(d.code))?.category ?? d.category })),
  }]
}

function removeDrug(codeFact: string): FixBuilder {
  return (finding, values) => {
    const code = textFact(finding.trace, codeFact)
    if (code === null || !values.drugs.some((d) => normalizeCode(d.code) === code)) return []
    return [{ label: `Remove the ${code} line`, apply: (v) => ({ ...v, drugs: v.drugs.filter((d) => normalizeCode(d.code) !== code) }) }]
  }
}

function removeOtherLines(codes: readonly string[], values: WorksheetValues): FixAction[] {
  const present = codes.filter((c) => values.otherLines.some((o) => normalizeCode(o.code) === c))
  if (present.length === 0) return []
  const remove = new Set(present)
  return [{
    label: `Remove the ${present.join(' and ')} line${present.length > 1 ? 's' : ''}`,
    apply: (v) => ({ ...v, otherLines: v.otherLines.filter((o) => !remove.has(normalizeCode(o.code))) }),
  }]
}

function removeOtherLine(...facts: string[]): FixBuilder {
  return (finding, values) => {
    const codes = finding.trace.filter((t) => facts.includes(t.fact) && typeof t.value === 'string').map((t) => normalizeCode(String(t.value)))
    return removeOtherLines([...new Set(codes)], values)
  }
}

/** The worksheet itself codes a trigger point line when an injection entry names a muscle. */
function worksheetCodesTriggerPoint(values: WorksheetValues): boolean {
  return values.procedures.some((p) => p.type === 'trigger-point' && p.technique === 'injection' && p.muscles.some((m) => m.muscle.trim() !== ''))
}

const tpiOneLine: FixBuilder = (_finding, values) => {
  if (!worksheetCodesTriggerPoint(values)) return []
  const typed = [...new Set(values.otherLines.map((o) => normalizeCode(o.code)).filter((c) => TPI_CODES.has(c)))]
  return removeOtherLines(typed, values)
}

const addModifier25: FixBuilder = (finding, values) => {
  const code = textFact(finding.trace, 'E/M line')
  const needs = (o: OtherLineValues): boolean => normalizeCode(o.code) === code && !splitModifiers(o.modifiers).includes('25')
  const targets = values.otherLines.filter(needs)
  if (code === null || targets.length === 0 || targets.some((o) => splitModifiers(o.modifiers).length >= MAX_MODIFIERS)) return []
  return [{
    label: `Add modifier 25 to ${code}`,
    apply: (v) => ({ ...v, otherLines: v.otherLines.map((o) => (needs(o) ? { ...o, modifiers: [...splitModifiers(o.modifiers), '25'].join(' ') } : o)) }),
  }]
}

const forgetPointerChoice: FixBuilder = (finding, values) => {
  const name = textFact(finding.trace, 'line')
  if (name === null || withoutChoiceNamed(values, name).length === (values.linePointers ?? []).length) return []
  return [{ label: `Forget the pointers chosen for ${name}`, apply: (v) => ({ ...v, linePointers: withoutChoiceNamed(v, name) }) }]
}

const builders: Readonly<Record<string, FixBuilder>> = {
  'FAC-SIDE-MISSING': sideFixes('facet-injection'),
  'RFA-SIDE-MISSING': sideFixes('facet-rfa'),
  'ESI-TF-SIDE-MISSING': sideFixes('epidural-transforaminal'),
  'ESI-DSNRB-APPROACH': dsnrbApproach,
  'DRUG-DELETED': drugDeleted,
  'DRUG-CATEGORY-MISMATCH': drugCategory,
  'DRUG-S-CODE': removeDrug('code'),
  'DRUG-IV-ONLY': removeDrug('code'),
  'DRUG-LOCAL-ANESTHETIC': removeDrug('code'),
  'IMG-BUNDLED': removeOtherLine('imaging line'),
  'EM-MODIFIER-25': addModifier25,
  'PROCEDURE-IN-OTHER-LINES': removeOtherLine('code'),
  'TPI-ONE-LINE': tpiOneLine,
  'TPI-ANESTHESIA': removeOtherLine('anesthesia line'),
  'DX-POINTER-UNMATCHED': forgetPointerChoice,
}

/**
 * The one-click fixes for a finding: only changes that are mechanical and unambiguous from
 * the finding's trace and the form. Findings that need the coder's judgement (documentation,
 * dates, coverage) get none.
 */
export function fixActionsFor(finding: Finding, values: WorksheetValues): FixAction[] {
  return builders[finding.ruleId]?.(finding, values) ?? []
}
