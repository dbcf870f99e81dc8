import {
  allRules,
  bilateralFormatLabels,
  builtInPayerProfiles,
  familyLabels,
  sources,
  SEVERITIES,
  type FrequencyLimit,
  type PayerProfile,
  type RuleDefinition,
} from '../domain/index.ts'
import { rationaleOf } from '../domain/rules/rationales.ts'

/**
 * The rule library as markdown (docs/rules.md): pure, so tests can read it. No date or
 * time is written, so regenerating without a rule change gives the same file.
 */

type Scope = RuleDefinition['scope']
type SourceId = keyof typeof sources
type Coverage = PayerProfile['coverage']

export const SCOPE_ORDER: readonly Scope[] = ['trigger-point', 'facet-injection', 'facet-rfa', 'epidural', 'drug', 'claim']

const SCOPE_TITLES: Record<Scope, string> = {
  'trigger-point': 'Trigger point injections',
  'facet-injection': 'Facet joint injections and medial branch blocks',
  'facet-rfa': 'Facet radiofrequency ablation',
  epidural: 'Epidural injections',
  drug: 'Drugs',
  claim: 'Whole claim',
}

const KINDS: readonly RuleDefinition['kind'][] = ['coding', 'check']

const COVERAGE_LABELS: Record<keyof Coverage, string> = {
  facetMaxLevelsPerSession: 'Facet levels per region per session (beyond: non-covered)',
  ultrasoundFacetCovered: 'Ultrasound-guided facet injections (0213T-0218T) covered',
  epiduralImagingRequired: 'Epidurals need fluoroscopy or CT',
  transforaminalMaxLevels: 'Transforaminal levels per session (beyond: coverage fails)',
  localAnestheticSeparatelyPayable: 'Local anesthetic separately payable',
  acceptsSCodes: 'S-codes (e.g. S0020) accepted',
  tpiImagingExcluded: 'Image-guided trigger point injections excluded',
}

const BILATERAL_SETTINGS: { key: keyof PayerProfile['bilateral']; label: string }[] = [
  { key: 'professional', label: 'Professional' },
  { key: 'hospitalOutpatientFacility', label: 'Hospital outpatient facility' },
  { key: 'ascFacility', label: 'ASC facility' },
]

/** Escapes the characters markdown would read as formatting in running text. */
export function md(text: string): string {
  return text.replace(/[\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ')
}

/** Text for a table cell: escaped, and the pipe escaped too. */
function cell(text: string): string {
  return md(text).replace(/\|/g, '\\|')
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)]
}

function dash(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : value
}

export function effectiveText(from: string | null, to: string | null): string {
  if (from === null && to === null) return '—'
  if (to === null) return `from ${dash(from)}`
  if (from === null) return `until ${to}`
  return `${from} to ${to}`
}

/** The rule's sources as lines of text, each resolved to its citation and confidence. */
export function describeSources(rule: Pick<RuleDefinition, 'sources'>): string[] {
  if (rule.sources === 'payer-profile') return ['Payer profile value (see profile)']
  if (rule.sources === 'ncci-table') return ['CMS NCCI quarterly table as loaded']
  return rule.sources.map((id: SourceId) => {
    const source = sources[id] as { citation: string; confidence: string } | undefined
    return source ? `\`${id}\` (${source.confidence}): ${md(source.citation)}` : `\`${id}\`: unknown source id`
  })
}

function ruleSection(rule: RuleDefinition): string[] {
  const srcs = describeSources(rule)
  const out = [
    `### \`${rule.id}\` — ${md(rule.title)}`,
    '',
    `- Kind: ${rule.kind}`,
    `- Severity: ${rule.severity}`,
    `- Category: ${rule.category}`,
  ]
  if (srcs.length === 1) out.push(`- Source: ${srcs[0]}`)
  else out.push('- Sources:', ...srcs.map((s) => `  - ${s}`))
  out.push(`- Effective: ${effectiveText(rule.effectiveFrom, rule.effectiveTo)}`, '', md(rationaleOf(rule.id)), '')
  return out
}

function countsSection(rules: readonly RuleDefinition[]): string[] {
  const count = (pred: (r: RuleDefinition) => boolean) => String(rules.filter(pred).length)
  const rows = KINDS.map((kind) => [
    kind,
    ...SEVERITIES.map((s) => count((r) => r.kind === kind && r.severity === s)),
    count((r) => r.kind === kind),
  ])
  rows.push(['**all**', ...SEVERITIES.map((s) => count((r) => r.severity === s)), `**${rules.length}**`])
  return [
    '## Counts',
    '',
    'Coding rules decide lines (code, modifiers, units) and are named in a line\'s `ruleIds`; ' +
      'check rules report findings. A coding rule\'s severity is nominal.',
    '',
    ...table(['Kind', ...SEVERITIES, 'Total'], rows),
    '',
    ...table(
      ['Scope', 'Rules'],
      scopesOf(rules).map((scope) => [SCOPE_TITLES[scope] ?? scope, count((r) => r.scope === scope)]),
    ),
    '',
  ]
}

/** Scopes in the documented order, then any scope the order does not know, so no rule is left out. */
function scopesOf(rules: readonly RuleDefinition[]): Scope[] {
  const extra = [...new Set(rules.map((r) => r.scope))].filter((s) => !SCOPE_ORDER.includes(s))
  return [...SCOPE_ORDER, ...extra].filter((s) => rules.some((r) => r.scope === s))
}

function limitRow(l: FrequencyLimit): string[] {
  const interval = (i: { amount: number; unit: string } | null) => (i ? `${i.amount} ${i.unit}` : '—')
  return [
    `\`${l.id}\``,
    cell(familyLabels[l.family] ?? l.family),
    l.purposes ? l.purposes.join(', ') : 'all',
    String(l.limit),
    interval(l.window),
    interval(l.minInterval),
    l.scope,
    l.severity,
    l.interpretation ? cell(l.interpretation) : '—',
    effectiveText(l.effectiveFrom, l.effectiveTo),
    cell(l.source) + (l.note ? `<br>Note: ${cell(l.note)}` : ''),
  ]
}

function valueText(value: number | boolean | null): string {
  if (value === null) return 'unknown (not set)'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return String(value)
}

function profileSection(p: PayerProfile): string[] {
  const out = [`### ${md(p.name)} (\`${p.id}\`, ${p.kind})`, '', md(p.description), '', '#### Bilateral formats', '']
  out.push(
    ...table(
      ['Setting', 'Format', 'Verified', 'Source'],
      BILATERAL_SETTINGS.map(({ key, label }) => {
        const b = p.bilateral[key]
        return [label, `${cell(bilateralFormatLabels[b.format])} (\`${b.format}\`)`, b.verified ? 'yes' : 'no', cell(b.source)]
      }),
    ),
    '',
    '#### Frequency limits',
    '',
  )
  if (p.frequencyLimits.length === 0) out.push('None.', '')
  else {
    out.push(
      ...table(
        ['Limit', 'Family', 'Purposes', 'Sessions', 'Window', 'Min. interval', 'Scope', 'Severity', 'Interpretation', 'Effective', 'Source'],
        p.frequencyLimits.map(limitRow),
      ),
      '',
    )
  }
  const coverageRows = (Object.keys(COVERAGE_LABELS) as (keyof Coverage)[]).map((key) => {
    const v = p.coverage[key]
    return [cell(COVERAGE_LABELS[key]), valueText(v.value), dash(v.effectiveFrom), cell(v.source)]
  })
  coverageRows.push([
    'Betamethasone (J0702) mg per billing unit',
    valueText(p.betamethasoneMgPerUnit.value),
    dash(p.betamethasoneMgPerUnit.effectiveFrom),
    cell(p.betamethasoneMgPerUnit.source),
  ])
  out.push('#### Coverage values', '', ...table(['Coverage item', 'Value', 'Effective from', 'Source'], coverageRows), '')

  out.push('#### OPD prior authorization', '')
  const pa = p.opdPriorAuthorization
  if (pa === null) out.push('Not required by this profile.', '')
  else {
    out.push(
      `Places of service ${pa.places.join(', ')}, from ${pa.effectiveFrom}. Source: ${md(pa.source)}`,
      '',
      ...table(['Code', 'From', 'To'], pa.codes.map((c) => [c.code, c.from, dash(c.to)])),
      '',
    )
  }
  return out
}

export interface RulesMarkdownInput {
  rules: readonly RuleDefinition[]
  profiles: readonly PayerProfile[]
}

export function rulesMarkdown(input: RulesMarkdownInput = { rules: allRules, profiles: builtInPayerProfiles }): string {
  const { rules, profiles } = input
  const out: string[] = [
    '<!-- Generated by `npm run rules` (src/cli/rules-doc.ts) from src/domain. Do not edit by hand. -->',
    '',
    '# Rule library',
    '',
    '> **Generated file — do not edit by hand.** It is written from the rule module ' +
      '(src/domain/rules, src/domain/data) by `npm run rules`; change the rules there and run it again.',
    '',
    `The rule module has ${rules.length} rules. Each cites where its fact comes from, with how sure we are of it: ` +
      '`V-primary` (checked in a primary source), `V-secondary` (checked in a secondary source), ' +
      '`billing-guide` (the practice\'s billing guide), `unverified`, `input-check` (a check of the input itself, no payer fact). Rules whose source is the payer profile ' +
      'read the value, and its citation, from the profile in use (see [Payer profiles](#payer-profiles)); ' +
      'NCCI rules read the CMS tables loaded at run time.',
    '',
    ...countsSection(rules),
  ]
  for (const scope of scopesOf(rules)) {
    out.push(`## ${SCOPE_TITLES[scope] ?? scope} (\`${scope}\`)`, '')
    for (const rule of rules.filter((r) => r.scope === scope)) out.push(...ruleSection(rule))
  }
  out.push(
    '## Payer profiles',
    '',
    'The built-in profiles. A practice copies one and sets its own contractor\'s or payer\'s values.',
    '',
  )
  for (const p of profiles) out.push(...profileSection(p))
  out.push(
    '## Sources',
    '',
    ...table(
      ['Id', 'Citation', 'Confidence'],
      Object.values(sources).map((s) => [`\`${s.id}\``, cell(s.citation), s.confidence]),
    ),
    '',
  )
  return out.join('\n')
}
