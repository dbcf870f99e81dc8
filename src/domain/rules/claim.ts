import { isAnesthesiaCode, lookupCode } from '../data/codes.ts'
import { bilateralFormatLabels } from '../payer-profile.ts'
import { isWithin } from '../dates.ts'
import { checkRule, codingRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

const BYPASS_25 = '25'

export const claimRules: readonly RuleDefinition[] = [
  codingRule({
    id: 'OTHER-LINE', title: 'Other lines carried as entered', scope: 'claim',
    severity: 'info', category: 'code-selection', sources: ['ENGINE'],
  }),
  codingRule({
    id: 'LINE-MERGE', title: 'One line per code and modifiers', scope: 'claim',
    severity: 'info', category: 'units', sources: ['DUPLICATE-LINES'],
  }),
  checkRule({
    id: 'PAYER-PROFILE-UNKNOWN', title: 'Unknown payer profile', scope: 'claim',
    severity: 'error', category: 'coverage', sources: ['ENGINE'],
    check: (facts) => (facts.profileFound ? [] : [{
      message: `The payer profile "${facts.encounter.payerProfile}" is not set up, so the encounter was checked under ${facts.profile.name}.`,
      fix: 'Pick one of the practice\'s payer profiles, or create this one in settings.',
      trace: [{ fact: 'payer profile', value: facts.encounter.payerProfile }],
    }]),
  }),
  checkRule({
    id: 'DOS-FUTURE', title: 'Date of service in the future', scope: 'claim',
    severity: 'error', category: 'documentation', sources: ['ENGINE'],
    check: (facts) => (facts.dos > facts.today ? [{
      message: `The date of service ${facts.dos} is after today (${facts.today}).`,
      fix: 'Correct the date of service.',
      trace: [{ fact: 'date of service', value: facts.dos }, { fact: 'today', value: facts.today }],
    }] : []),
  }),
  checkRule({
    id: 'NO-PROCEDURES', title: 'Nothing to code', scope: 'claim',
    severity: 'info', category: 'code-selection', sources: ['ENGINE'],
    check: (facts) => (facts.encounter.procedures.length === 0 ? [{
      message: 'No procedure is entered yet, so there is nothing to code.',
      fix: 'Add the procedure performed: trigger point, facet injection, RFA or epidural.',
      trace: [{ fact: 'procedures', value: 0 }],
    }] : []),
  }),
  checkRule({
    id: 'PA-OPD-FACILITY', title: 'Hospital outpatient facet/RFA without prior authorization', scope: 'claim',
    severity: 'error', category: 'prior-authorization', sources: ['OPD-PA', 'OPD-PA-64492'], effectiveFrom: '2023-07-01',
    check: (facts) => paHits(facts, 'facility'),
  }),
  checkRule({
    id: 'PA-OPD-PROFESSIONAL', title: 'Professional claim for an OPD facet/RFA without a recorded authorization', scope: 'claim',
    severity: 'warning', category: 'prior-authorization', sources: ['OPD-PA', 'OPD-PA-RELATED'], effectiveFrom: '2023-07-01',
    check: (facts) => paHits(facts, 'professional'),
  }),
  checkRule({
    id: 'IMG-BUNDLED', title: 'Imaging guidance billed with a code that includes it', scope: 'claim',
    severity: 'error', category: 'imaging', sources: ['NCCI-IMAGING'],
    check: (facts) => {
      const including = facts.coding.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.origin === 'procedure' && lookupCode(l.code)?.includesImaging)
      if (including.length === 0) return []
      return facts.coding.lines.flatMap((l, i): RuleHit[] => (l.origin === 'other' && lookupCode(l.code)?.kind === 'imaging' ? [{
        message: `${l.code} (imaging guidance) is billed with ${[...new Set(including.map((x) => x.l.code))].join(', ')}, which already include imaging guidance: the imaging line will deny.`,
        fix: `Remove the ${l.code} line.`,
        trace: [{ fact: 'imaging line', value: l.code }, { fact: 'codes including imaging', value: [...new Set(including.map((x) => x.l.code))].join(', ') }],
        lineIndexes: [i, ...including.map((x) => x.i)],
      }] : []))
    },
  }),
  checkRule({
    id: 'EM-MODIFIER-25', title: 'Same-day E/M without modifier 25', scope: 'claim',
    severity: 'warning', category: 'modifier', sources: ['EM-25'],
    check: (facts) => {
      if (!facts.coding.lines.some((l) => l.origin === 'procedure')) return []
      return facts.coding.lines.flatMap((l, i): RuleHit[] => (l.origin === 'other' && lookupCode(l.code)?.kind === 'evaluation' && !l.modifiers.includes(BYPASS_25) ? [{
        message: `The E/M visit ${l.code} is billed the same day as a procedure without modifier 25; it will be bundled into the procedure.`,
        fix: `If the visit was separately identifiable and documented, append 25 to ${l.code}; otherwise remove the visit.`,
        trace: [{ fact: 'E/M line', value: l.code }, { fact: 'modifiers', value: l.modifiers.join(' ') }],
        lineIndexes: [i],
      }] : []))
    },
  }),
  checkRule({
    id: 'OTHER-UNKNOWN-CODE', title: 'Other line with a code outside the catalog', scope: 'claim',
    severity: 'info', category: 'code-selection', sources: ['ENGINE'],
    check: (facts) => facts.coding.lines.flatMap((l, i): RuleHit[] => (l.origin === 'other' && !lookupCode(l.code) && !isAnesthesiaCode(l.code) ? [{
      message: `${l.code} is not in this module's catalog; it is carried as entered and checked only against loaded NCCI tables.`,
      fix: 'Check the code and its modifiers by hand.',
      trace: [{ fact: 'code', value: l.code }],
      lineIndexes: [i],
    }] : [])),
  }),
  checkRule({
    id: 'PROCEDURE-IN-OTHER-LINES', title: 'Procedure code typed under other lines', scope: 'claim',
    severity: 'warning', category: 'code-selection', sources: ['ENGINE'],
    check: (facts) => facts.coding.lines.flatMap((l, i): RuleHit[] => (l.origin === 'other' && lookupCode(l.code)?.family ? [{
      message: `${l.code} was typed under other lines: it is not checked for levels, sides or units.`,
      fix: 'Enter the procedure in the procedure section so the worksheet codes it, and remove this line.',
      trace: [{ fact: 'code', value: l.code }],
      lineIndexes: [i],
    }] : [])),
  }),
  checkRule({
    id: 'ADDON-WITHOUT-PRIMARY', title: 'Add-on code without its primary', scope: 'claim',
    severity: 'error', category: 'code-selection', sources: ['BILLING-GUIDE'],
    check: (facts) => {
      const codes = new Set(facts.coding.lines.map((l) => l.code))
      return facts.coding.lines.flatMap((l, i): RuleHit[] => {
        const info = lookupCode(l.code)
        if (info?.kind !== 'add-on' || !info.primaries || info.primaries.some((p) => codes.has(p))) return []
        return [{
          message: `${l.code} is an add-on code but its primary (${info.primaries.join(' or ')}) is not on the claim; it will deny.`,
          fix: `Add ${info.primaries.join(' or ')} for the first level, or remove ${l.code}.`,
          trace: [{ fact: 'add-on', value: l.code }, { fact: 'primary needed', value: info.primaries.join(' or ') }],
          lineIndexes: [i],
        }]
      })
    },
  }),
  checkRule({
    id: 'DX-REQUIRED', title: 'No diagnosis', scope: 'claim',
    severity: 'error', category: 'diagnosis', sources: ['CLAIM-BASICS'],
    check: (facts) => (facts.diagnoses.length === 0 && facts.coding.lines.length > 0 ? [{
      message: 'No diagnosis is entered: the claim will reject.',
      fix: 'Enter the ICD-10-CM diagnosis codes that support the procedure.',
      trace: [{ fact: 'diagnoses', value: 0 }],
    }] : []),
  }),
]

function paHits(facts: Facts, claimType: 'facility' | 'professional'): RuleHit[] {
  const pa = facts.profile.opdPriorAuthorization
  const e = facts.encounter
  if (!pa || e.claimType !== claimType || !pa.places.includes(e.placeOfService) || facts.dos < pa.effectiveFrom) return []
  if (e.priorAuthorization && e.priorAuthorization.trim() !== '') return []
  const listed = new Set(pa.codes.filter((c) => isWithin(facts.dos, c.from, c.to)).map((c) => c.code))
  const idx = facts.coding.lines.map((l, i) => ({ l, i })).filter(({ l }) => listed.has(l.code))
  if (idx.length === 0) return []
  const codes = [...new Set(idx.map((x) => x.l.code))].join(', ')
  return [{
    message: claimType === 'facility'
      ? `${codes} in a hospital outpatient department (POS ${e.placeOfService}) need Medicare prior authorization, and no authorization (UTN) is recorded: the claim will not be paid.`
      : `${codes} at POS ${e.placeOfService} need the hospital's Medicare prior authorization; none is recorded. Your claim is not paid if the hospital's service is not payable.`,
    fix: claimType === 'facility'
      ? 'Enter the unique tracking number (UTN) from the provisional affirmation; if none was requested, request prior authorization before billing.'
      : 'Record the hospital\'s UTN (or confirm the affirmation) before billing.',
    trace: [
      { fact: 'payer', value: facts.profile.name },
      { fact: 'place of service', value: e.placeOfService },
      { fact: 'codes needing authorization', value: codes },
      { fact: 'prior authorization recorded', value: null },
    ],
    lineIndexes: idx.map((x) => x.i),
    source: pa.source,
  }]
}

/** Informational: the bilateral format used is marked unverified in the profile. */
export const bilateralUnverifiedRule = checkRule({
  id: 'BILAT-UNVERIFIED', title: 'Bilateral format not verified for this payer and setting', scope: 'claim',
  severity: 'info', category: 'modifier', sources: 'payer-profile',
  check: (facts) => {
    const rule = facts.profile.bilateral[facts.bilateralSetting]
    if (rule.verified) return []
    const idx = facts.coding.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.ruleIds.includes('BILAT-FORMAT')).map((x) => x.i)
    if (idx.length === 0) return []
    return [{
      message: `Bilateral lines follow this profile's format (${bilateralFormatLabels[rule.format]}), which is not verified for this setting.`,
      fix: 'Confirm the payer\'s bilateral convention and set it in the payer profile.',
      trace: [{ fact: 'setting', value: facts.bilateralSetting }, { fact: 'format', value: rule.format }],
      lineIndexes: idx, source: rule.source,
    }]
  },
})
