import {
  builtInPayerProfiles, familyLabels, placeOfServiceLabels, regionLabels,
  type EvaluationInput, type Guidance, type LevelEntry, type Procedure, type Side, type Technique,
} from '../../../domain/index.ts'

/** One row of an example's encounter, as a term and its plain-language description. */
export interface SummaryRow {
  term: string
  description: string
}

const sideWords: Readonly<Record<Side, string>> = { left: 'left', right: 'right', bilateral: 'both sides' }
const techniqueWords: Readonly<Record<Technique, string>> = { injection: 'injected', 'dry-needling': 'dry needling (no injection)', acupuncture: 'acupuncture' }
const guidanceWords: Readonly<Record<Guidance, string>> = { fluoroscopy: 'fluoroscopy', ct: 'CT', ultrasound: 'ultrasound', none: 'no imaging' }

const sideText = (side: Side | null) => (side === null ? 'no side' : sideWords[side])
const levelsText = (levels: readonly LevelEntry[]) =>
  levels.length === 0 ? 'no level' : levels.map((l) => `${l.level} ${sideText(l.side)}`).join(', ')
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

function procedureText(p: Procedure): string {
  const family = familyLabels[p.type]
  switch (p.type) {
    case 'trigger-point': {
      const muscles = p.muscles.length === 0
        ? 'no muscle'
        : p.muscles.map((m) => `${m.muscle} ${m.side === null ? 'side not documented' : sideWords[m.side]} (${plural(m.injections, 'injection')})`).join(', ')
      return `Trigger points, ${techniqueWords[p.technique]}, ${guidanceWords[p.guidance]}: ${muscles}`
    }
    case 'facet-injection':
      return `${family}, ${p.purpose}, ${guidanceWords[p.guidance]}: ${levelsText(p.levels)}`
    case 'facet-rfa':
      return `${family}, ${guidanceWords[p.guidance]}: ${levelsText(p.levels)}`
    case 'epidural': {
      const purpose = p.purpose === 'diagnostic-nerve-root-block' ? 'diagnostic nerve root block' : p.purpose
      const region = p.region ? `, ${regionLabels[p.region]} region` : ''
      const levels = p.levels.length === 0 ? (p.region ? '' : ': no level or region') : `: ${levelsText(p.levels)}`
      return `${family}, ${p.approach}, ${purpose}, ${guidanceWords[p.guidance]}${region}${levels}`
    }
  }
}

/** A compact, plain description of an example's encounter: what a trainee reads before opening it. */
export function summarizeEncounter(input: EvaluationInput): SummaryRow[] {
  const e = input.encounter
  const profile = builtInPayerProfiles.find((p) => p.id === e.payerProfile)
  const rows: SummaryRow[] = [
    { term: 'Date of service', description: e.dateOfService },
    { term: 'Setting', description: `${placeOfServiceLabels[e.placeOfService]} (${e.placeOfService}), ${e.claimType} claim` },
    { term: 'Payer profile', description: profile ? profile.name : `${e.payerProfile} (not a built-in profile)` },
    { term: 'Diagnoses', description: e.diagnoses.length === 0 ? 'None' : e.diagnoses.join(', ') },
  ]
  if (e.procedures.length === 0) rows.push({ term: 'Procedures', description: 'None' })
  e.procedures.forEach((p, i) => rows.push({ term: e.procedures.length === 1 ? 'Procedure' : `Procedure ${i + 1}`, description: procedureText(p) }))
  if (e.drugs.length > 0) {
    rows.push({
      term: e.drugs.length === 1 ? 'Drug' : 'Drugs',
      description: e.drugs.map((d) => `${d.code}${d.name ? ` ${d.name}` : ''} ${d.dose.toLocaleString('en-US')} ${d.unit}`).join(', '),
    })
  }
  if (e.otherLines.length > 0) {
    rows.push({ term: 'Other lines', description: e.otherLines.map((l) => [l.code, ...l.modifiers, `×${l.units}`].join(' ')).join(', ') })
  }
  if (e.priorAuthorization) rows.push({ term: 'Prior authorization', description: e.priorAuthorization })
  const documented = Object.values(e.documentation).filter(Boolean).length
  if (documented > 0) rows.push({ term: 'Documentation items checked', description: plural(documented, 'item') })
  rows.push({
    term: 'Claim history',
    description: input.history.length === 0 ? 'No prior claim lines' : `${plural(input.history.length, 'prior claim line')}, ${plural(new Set(input.history.map((h) => h.dateOfService)).size, 'date')} of service`,
  })
  return rows
}
