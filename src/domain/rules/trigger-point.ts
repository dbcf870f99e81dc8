import { isAnesthesiaCode } from '../data/codes.ts'
import { familyLabels } from '../vocabulary.ts'
import { checkRule, codingRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

const TPI_CODES = new Set(['20552', '20553'])

function triggerPointIndexes(facts: Facts, technique?: 'injection' | 'dry-needling' | 'acupuncture'): number[] {
  const out: number[] = []
  facts.encounter.procedures.forEach((p, i) => {
    if (p.type === 'trigger-point' && (technique === undefined || p.technique === technique)) out.push(i)
  })
  return out
}

function tpiLineIndexes(facts: Facts): number[] {
  const i = facts.coding.triggerPoint?.lineIndex
  return i == null ? [] : [i]
}

export const triggerPointRules: readonly RuleDefinition[] = [
  codingRule({
    id: 'TPI-CODE', title: 'One trigger point line per date, by distinct muscles', scope: 'trigger-point',
    severity: 'info', category: 'code-selection', sources: ['TPI-ONE-CODE', 'BILLING-GUIDE'],
  }),
  checkRule({
    id: 'TPI-NO-MUSCLES', title: 'Trigger point injection without a muscle', scope: 'trigger-point',
    severity: 'error', category: 'code-selection', sources: ['ENGINE'],
    check: (facts) => {
      const tp = facts.coding.triggerPoint
      if (!tp || tp.injectionProcedureIndexes.length === 0 || tp.distinctMuscles.length > 0) return []
      return [{
        message: 'Trigger point injection recorded with no muscle, so no trigger point line can be coded.',
        fix: 'Add each muscle injected, with its side and number of injections.',
        trace: [{ fact: 'muscles recorded', value: 0 }],
        procedureIndex: tp.injectionProcedureIndexes[0],
      }]
    },
  }),
  checkRule({
    id: 'TPI-SIDE-MISSING', title: 'Muscle without a side', scope: 'trigger-point',
    severity: 'warning', category: 'documentation', sources: ['BILLING-GUIDE'],
    check: (facts) => {
      const hits: RuleHit[] = []
      for (const i of triggerPointIndexes(facts, 'injection')) {
        const p = facts.encounter.procedures[i]
        if (p?.type !== 'trigger-point') continue
        for (const m of p.muscles) {
          if (m.side !== null) continue
          hits.push({
            message: `The side of the ${m.muscle} is not documented, so the muscle count (and 20552 vs 20553) may be wrong.`,
            fix: `Record left, right or bilateral for the ${m.muscle}.`,
            trace: [{ fact: 'muscle', value: m.muscle }, { fact: 'side', value: null }],
            procedureIndex: i, lineIndexes: tpiLineIndexes(facts),
          })
        }
      }
      return hits
    },
  }),
  checkRule({
    id: 'TPI-ONE-LINE', title: 'More than one trigger point line or unit', scope: 'trigger-point',
    severity: 'error', category: 'units', sources: ['TPI-ONE-CODE', 'BILLING-GUIDE'],
    check: (facts) => {
      const idx: number[] = []
      let units = 0
      facts.coding.lines.forEach((l, i) => { if (TPI_CODES.has(l.code)) { idx.push(i); units += l.units } })
      if (idx.length <= 1 && units <= 1) return []
      const codes = [...new Set(idx.map((i) => facts.coding.lines[i]?.code ?? ''))].join(' and ')
      return [{
        message: `The claim carries ${codes} on ${idx.length} line(s) with ${units} unit(s); only one trigger point code, one unit, is paid per date.`,
        fix: 'Remove the trigger point code added by hand under other lines; the worksheet codes trigger points from the muscles entered.',
        trace: [
          { fact: 'trigger point lines', value: idx.length },
          { fact: 'units', value: units },
          ...idx.filter((i) => facts.coding.lines[i]?.origin === 'other').map((i) => ({ fact: 'typed line', value: facts.coding.lines[i]?.code ?? '' })),
        ],
        lineIndexes: idx,
      }]
    },
  }),
  checkRule({
    id: 'TPI-DRY-NEEDLING', title: 'Dry needling is not a trigger point injection', scope: 'trigger-point',
    severity: 'warning', category: 'code-selection', sources: ['DRY-NEEDLING', 'L36859'],
    check: (facts) => triggerPointIndexes(facts, 'dry-needling').map((i) => ({
      message: 'Dry needling was recorded: it is not billable as 20552/20553, so no trigger point line was coded for it. Dry needling has its own codes, 20560/20561; Medicare coverage of them is unverified (the sources conflict).',
      fix: 'Bill dry needling with 20560 or 20561 under other lines if the payer covers it; for Medicare, check coverage (or obtain an ABN) first.',
      trace: [{ fact: 'technique', value: 'dry-needling' }],
      procedureIndex: i,
    })),
  }),
  checkRule({
    id: 'TPI-ACUPUNCTURE', title: 'Acupuncture is not a trigger point injection', scope: 'trigger-point',
    severity: 'warning', category: 'code-selection', sources: ['L36859', 'BILLING-GUIDE'],
    check: (facts) => triggerPointIndexes(facts, 'acupuncture').map((i) => ({
      message: 'Acupuncture was recorded: it is not billable as 20552/20553, so no trigger point line was coded for it.',
      fix: 'Bill acupuncture under the payer\'s acupuncture policy and codes (outside this module), or correct the technique if an injection was given.',
      trace: [{ fact: 'technique', value: 'acupuncture' }],
      procedureIndex: i,
    })),
  }),
  checkRule({
    id: 'TPI-IMAGE-GUIDED', title: 'Image-guided trigger point injection', scope: 'trigger-point',
    severity: 'warning', category: 'imaging', sources: ['L36859'],
    check: (facts) => {
      const excluded = facts.profile.coverage.tpiImagingExcluded.value
      if (excluded === false) return []
      return triggerPointIndexes(facts, 'injection').flatMap((i) => {
        const p = facts.encounter.procedures[i]
        if (p?.type !== 'trigger-point' || p.guidance === 'none') return []
        return [{
          message: excluded
            ? `Trigger points were injected with ${p.guidance} guidance; this payer excludes imaging guidance for trigger point injections, so no guidance code is payable and the session draws review.`
            : `Trigger points were injected with ${p.guidance} guidance; Medicare LCD L36859 excludes it and this payer's position is not set in its profile.`,
          fix: 'Do not bill a guidance code with the trigger point line; make sure the note supports the injection without it.',
          trace: [{ fact: 'guidance', value: p.guidance }, { fact: 'profile: imaging excluded', value: excluded }],
          procedureIndex: i, lineIndexes: tpiLineIndexes(facts),
          source: facts.profile.coverage.tpiImagingExcluded.source,
        }]
      })
    },
  }),
  checkRule({
    id: 'TPI-WITH-OTHER-BLOCK', title: 'Trigger points with another block the same day', scope: 'trigger-point',
    severity: 'warning', category: 'coverage', sources: ['L36859', 'PALMETTO-FACET-CHECKLIST'],
    check: (facts) => {
      const tp = facts.coding.triggerPoint
      if (!tp || tp.lineIndex === null) return []
      const others = [...new Set(facts.encounter.procedures.filter((p) => p.type !== 'trigger-point').map((p) => familyLabels[p.type].toLowerCase()))]
      if (others.length === 0) return []
      return [{
        message: `Trigger point injections are billed on the same day as ${others.join(', ')}: payers treat multiple blocks in one session as a limitation and may deny one of them.`,
        fix: 'Make sure the note documents why each block was necessary the same day; otherwise schedule them separately.',
        trace: [{ fact: 'other blocks', value: others.join(', ') }],
        lineIndexes: [tp.lineIndex],
      }]
    },
  }),
  checkRule({
    id: 'TPI-NO-INJECTANT', title: 'Trigger point injection with no drug recorded', scope: 'trigger-point',
    severity: 'warning', category: 'injectant', sources: ['A59553', 'BILLING-GUIDE'],
    check: (facts) => {
      const tp = facts.coding.triggerPoint
      if (!tp || tp.lineIndex === null || facts.encounter.drugs.length > 0) return []
      const bundled = facts.profile.coverage.localAnestheticSeparatelyPayable.value === false
      return [{
        message: bundled
          ? 'No injectant is recorded for the trigger point injection. If a steroid or other separately payable drug was injected, it belongs on this same claim; a local anesthetic alone (e.g. lidocaine) is part of the procedure for this payer and needs no line.'
          : 'No injectant is recorded for the trigger point injection. If a drug was injected, it belongs on this same claim.',
        fix: bundled
          ? 'Check the note: add a steroid or other billable drug with its code and dose (unclassified drugs: J3490 with name and dose for Box 19); if only a local anesthetic was used, no drug line is needed.'
          : 'Add the drug with its code and dose (unclassified drugs: J3490 with name and dose for Box 19).',
        trace: [{ fact: 'drugs recorded', value: 0 }, { fact: 'profile: local anesthetic separately payable', value: facts.profile.coverage.localAnestheticSeparatelyPayable.value }],
        lineIndexes: [tp.lineIndex],
      }]
    },
  }),
  checkRule({
    id: 'TPI-ANESTHESIA', title: 'Anesthesia code with trigger points', scope: 'trigger-point',
    severity: 'warning', category: 'code-selection', sources: ['A59553'],
    check: (facts) => {
      const tp = facts.coding.triggerPoint
      if (!tp || tp.lineIndex === null) return []
      const idx: number[] = []
      facts.coding.lines.forEach((l, i) => { if (l.origin === 'other' && isAnesthesiaCode(l.code)) idx.push(i) })
      if (idx.length === 0) return []
      return [{
        message: 'An anesthesia code is billed with the trigger point injection; anesthesia is not reported with 20552/20553.',
        fix: 'Remove the anesthesia line.',
        trace: idx.map((i) => ({ fact: 'anesthesia line', value: facts.coding.lines[i]?.code ?? '' })),
        lineIndexes: [tp.lineIndex, ...idx],
      }]
    },
  }),
]
