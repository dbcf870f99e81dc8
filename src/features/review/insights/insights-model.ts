import type { Finding } from '../../../domain/index.ts'
import { DENIAL_CATEGORY_LABELS, type DeniedLine } from '../../../domain/remittance/index.ts'
import type { AuditRecord, RemittanceImportRecord, UserRecord } from '../../../storage/types.ts'
import { lineStatuses, rowIdOf } from '../model/audit.ts'
import { queueRows } from '../model/queue-rows.ts'
import { CATEGORY_LABELS } from '../../../domain/index.ts'
import type { AuditEntry, QueueRow, ReviewEncounter } from '../model/types.ts'
import { inRange, monthOf, type DateRange } from './date-range.ts'
import { BarGroups } from './group-bars.ts'
import {
  NO_RULE_LABEL, UNKNOWN_CODER_LABEL, UNKNOWN_PAYER_LABEL,
  UNKNOWN_PROVIDER_LABEL, UNMATCHED_LABEL,
} from './insight-labels.ts'
import type { ChartDimension, ChartId, ChartKind, InsightChart, InsightLine, Insights, InsightTotals, OverrideDetail } from './insights-types.ts'
import { findingsByLine, rulesOf, ruleSeverity } from './line-findings.ts'

export interface InsightsInput {
  /** Every finalized encounter. */
  encounters: readonly ReviewEncounter[]
  /** The review's audit log, oldest first. */
  audit: readonly AuditRecord[]
  users: readonly Pick<UserRecord, 'id' | 'name'>[]
  /** Every imported 835 file; only their denied lines are read. */
  remittances: readonly Pick<RemittanceImportRecord, 'id' | 'denials'>[]
  range: DateRange
  /** Names to show providers and payer profiles by; their ids show otherwise. */
  providerNames?: ReadonlyMap<string, string>
  payerNames?: ReadonlyMap<string, string>
  /** Rule titles, shown beside the rule id. */
  ruleTitles?: ReadonlyMap<string, string>
}

const TITLES: Record<ChartId, string> = {
  'flags-category': 'Flags by category',
  'flags-rule': 'Flags by rule',
  'flags-provider': 'Flags by provider',
  'flags-payer': 'Flags by payer profile',
  'flags-month': 'Flags by month of service',
  'denials-category': 'Denials by category',
  'denials-rule': 'Denials by the rule that flagged the line',
  'denials-provider': 'Denials by provider',
  'denials-payer': 'Denials by payer',
  'denials-month': 'Denials by month of service',
  'overridden-rule': 'Overridden then denied, by rule',
  'overridden-coder': 'Overridden then denied, by coder',
  'overridden-supervisor': 'Overridden then denied, by supervisor who overrode',
}

/** The keys of the called-out buckets of a rule chart (rule ids never have parentheses). */
export const NO_RULE_KEY = '(no rule)'
export const UNMATCHED_KEY = '(not matched)'

/** The denied line's key among the insight lines: its import and its position in the import's denials. */
export function denialLineId(remittanceId: string, index: number): string {
  return `${remittanceId}#${index}`
}

/** The date a denial counts on: its date of service, else the payment date. */
export function denialDate(denial: Pick<DeniedLine, 'dateOfService' | 'paymentDate'>): string {
  return denial.dateOfService ?? denial.paymentDate
}

interface Context {
  encounters: Map<string, ReviewEncounter>
  rows: Map<string, QueueRow>
  findings: Map<string, Finding[][]>
  overrides: Map<string, AuditRecord[]>
  userNames: Map<string, string>
  providerLabel: (id: string) => string
}

function lineFindings(ctx: Context, encounterId: string): Finding[][] {
  let found = ctx.findings.get(encounterId)
  if (found === undefined) {
    const enc = ctx.encounters.get(encounterId)
    found = enc ? findingsByLine(enc.findings, enc.lines) : []
    ctx.findings.set(encounterId, found)
  }
  return found
}

function flagLine(row: QueueRow): InsightLine {
  return {
    id: row.rowId, rowIds: [row.rowId], dateOfService: row.dateOfService, patientId: row.patientId, providerId: row.providerId,
    coderName: row.coderName, payer: row.payer, code: row.code, modifiers: row.modifiers, lineNumber: row.lineIndex + 1,
    ruleIds: row.ruleIds, severity: row.severity, status: row.status, denial: null, override: null,
  }
}

/**
 * Overrides count when they are on or before the payment date (the audit's time cut to its UTC
 * date: a payment date has no time). The status may have changed since: what matters is that the
 * line had been overridden when the payer decided. The latest such override is the one shown.
 */
function overrideBefore(ctx: Context, rowIds: readonly string[], paymentDate: string): { entry: AuditRecord; rowId: string } | null {
  let latest: { entry: AuditRecord; rowId: string } | null = null
  for (const rowId of rowIds) {
    for (const entry of ctx.overrides.get(rowId) ?? []) {
      if (entry.at.slice(0, 10) > paymentDate) continue
      if (latest === null || entry.at >= latest.entry.at) latest = { entry, rowId }
    }
  }
  return latest
}

interface DeniedItem {
  line: InsightLine
  /** The rules of the matched line(s), info included: what would have caught it. */
  rules: string[]
  encounter: ReviewEncounter | null
  override: { detail: OverrideDetail; rules: string[] } | null
}

function deniedItem(ctx: Context, remittanceId: string, index: number, denial: DeniedLine): DeniedItem {
  const encounter = denial.encounterId === null ? null : (ctx.encounters.get(denial.encounterId) ?? null)
  const id = denialLineId(remittanceId, index)
  const detail = {
    category: denial.category, carcCodes: denial.carcCodes, rarcCodes: denial.rarcCodes, amount: denial.amount, full: denial.full,
    paymentDate: denial.paymentDate, payerClaimNumber: denial.payerClaimNumber, remittanceId,
  }
  const base: InsightLine = {
    id, rowIds: [], dateOfService: denial.dateOfService, patientId: denial.patientControlNumber, providerId: denial.providerId ?? '',
    coderName: '', payer: denial.payerName.trim(), code: denial.code ?? '', modifiers: denial.modifiers.join(' '), lineNumber: null,
    ruleIds: [], severity: null, status: null, denial: detail, override: null,
  }
  if (encounter === null) return { line: base, rules: [], encounter: null, override: null }
  const perLine = lineFindings(ctx, encounter.id)
  const own = denial.lineIndex !== null && denial.lineIndex >= 0 && denial.lineIndex < encounter.lines.length ? denial.lineIndex : null
  // A claim-level denial is about every line of the claim.
  const indexes = own === null ? encounter.lines.map((_, i) => i) : [own]
  const rowIds = indexes.map((i) => rowIdOf(encounter.id, i))
  const rules = rulesOf(indexes.flatMap((i) => perLine[i] ?? []), true)
  const row = own === null ? null : ctx.rows.get(rowIdOf(encounter.id, own))
  const coderId = encounter.finalizedBy ?? null
  const line: InsightLine = {
    ...base, rowIds, dateOfService: denial.dateOfService ?? encounter.dateOfService, patientId: encounter.patientId,
    providerId: denial.providerId ?? encounter.providerId, coderName: coderId === null ? '' : (ctx.userNames.get(coderId) ?? coderId),
    code: row?.code ?? base.code, modifiers: row?.modifiers ?? base.modifiers, lineNumber: own === null ? null : own + 1, ruleIds: rules,
    severity: row?.severity ?? null, status: row?.status ?? null,
  }
  const found = overrideBefore(ctx, rowIds, denial.paymentDate)
  if (found === null) return { line, rules, encounter, override: null }
  const { entry } = found
  const overridden = rowIds.filter((r) => overrideBefore(ctx, [r], denial.paymentDate) !== null)
  const overriddenRules = rulesOf(overridden.flatMap((r) => perLine[Number(r.slice(r.lastIndexOf(':') + 1))] ?? []), false)
  const override: OverrideDetail = {
    at: entry.at, supervisorId: entry.userId, supervisorName: ctx.userNames.get(entry.userId) ?? entry.userName, reason: entry.reason, note: entry.note,
  }
  return { line: { ...line, override }, rules, encounter, override: { detail: override, rules: overriddenRules } }
}

function chart(id: ChartId, kind: ChartKind, dimension: ChartDimension, groups: BarGroups): InsightChart {
  return { id, kind, dimension, title: TITLES[id], bars: dimension === 'month' ? groups.byMonth() : groups.byCount() }
}

/**
 * The insights of one date range: flags from the review (finalized lines with an error or
 * warning finding), denials from every imported remittance, and denials of lines a supervisor
 * had overridden. Each bar keeps the ids of its lines for the drill-down.
 *
 * Flags count each line once by its top finding's category and severity (as the queue shows it),
 * so the category, provider, payer and month charts add up to the lines flagged; by rule a line
 * counts under each rule that flagged it. Denials count each denied line (or claim-level denial)
 * once; by rule under each rule with a finding on the line, info included, or under "No rule
 * flagged it".
 */
export function computeInsights(input: InsightsInput): Insights {
  const { range } = input
  const userNames = new Map(input.users.map((u) => [u.id, u.name]))
  const rows = queueRows(input.encounters, {
    users: input.users, statuses: lineStatuses(input.audit as readonly AuditEntry[]), includeAllLines: true,
  })
  const overrides = new Map<string, AuditRecord[]>()
  for (const entry of input.audit) {
    if (entry.action !== 'override' || entry.lineIndex === null) continue
    const rowId = rowIdOf(entry.encounterId, entry.lineIndex)
    const list = overrides.get(rowId)
    if (list) list.push(entry)
    else overrides.set(rowId, [entry])
  }
  const ctx: Context = {
    encounters: new Map(input.encounters.map((e) => [e.id, e])), rows: new Map(rows.map((r) => [r.rowId, r])),
    findings: new Map(), overrides, userNames,
    providerLabel: (id) => (id === '' ? UNKNOWN_PROVIDER_LABEL : (input.providerNames?.get(id) ?? id)),
  }
  const payerLabel = (id: string) => input.payerNames?.get(id) ?? id
  const ruleLabel = (id: string) => {
    const title = input.ruleTitles?.get(id)
    return title === undefined ? id : `${title} (${id})`
  }
  const lines = new Map<string, InsightLine>()
  const totals: InsightTotals = {
    finalizedEncounters: input.encounters.length,
    encounters: input.encounters.filter((e) => inRange(e.dateOfService, range)).length, flaggedLines: 0, overriddenLines: 0,
    deniedLines: 0, deniedAmount: 0, overriddenThenDenied: 0, overriddenThenDeniedAmount: 0, remittanceFiles: input.remittances.length,
  }

  const flags = { category: new BarGroups(true, false), rule: new BarGroups(true, false), provider: new BarGroups(true, false), payer: new BarGroups(true, false), month: new BarGroups(true, false) }
  for (const row of rows) {
    if (row.status === 'no-findings' || !inRange(row.dateOfService, range)) continue
    const severity = row.severity === 'error' ? 'error' : 'warning'
    lines.set(row.rowId, flagLine(row))
    totals.flaggedLines += 1
    if (row.status === 'overridden') totals.overriddenLines += 1
    if (row.category !== null) flags.category.add(row.category, CATEGORY_LABELS[row.category], row.rowId, { severity })
    const findings = lineFindings(ctx, row.encounterId)[row.lineIndex] ?? []
    for (const rule of rulesOf(findings, false)) flags.rule.add(rule, ruleLabel(rule), row.rowId, { severity: ruleSeverity(findings, rule) ?? severity })
    flags.provider.add(row.providerId, ctx.providerLabel(row.providerId), row.rowId, { severity })
    flags.payer.add(row.payer, payerLabel(row.payer), row.rowId, { severity })
    flags.month.add(monthOf(row.dateOfService), monthOf(row.dateOfService), row.rowId, { severity })
  }

  const denials = { category: new BarGroups(false, true), rule: new BarGroups(false, true), provider: new BarGroups(false, true), payer: new BarGroups(false, true), month: new BarGroups(false, true) }
  const overridden = { rule: new BarGroups(false, true), coder: new BarGroups(false, true), supervisor: new BarGroups(false, true) }
  for (const remittance of input.remittances) {
    remittance.denials.forEach((denial, index) => {
      if (!inRange(denialDate(denial), range)) return
      const item = deniedItem(ctx, remittance.id, index, denial)
      const { id } = item.line
      const amount = denial.amount
      lines.set(id, item.line)
      totals.deniedLines += 1
      totals.deniedAmount += amount
      denials.category.add(denial.category, DENIAL_CATEGORY_LABELS[denial.category], id, { amount })
      if (item.encounter === null) denials.rule.add(UNMATCHED_KEY, UNMATCHED_LABEL, id, { amount, special: 'unmatched' })
      else if (item.rules.length === 0) denials.rule.add(NO_RULE_KEY, NO_RULE_LABEL, id, { amount, special: 'no-rule' })
      else for (const rule of item.rules) denials.rule.add(rule, ruleLabel(rule), id, { amount })
      denials.provider.add(item.line.providerId, ctx.providerLabel(item.line.providerId), id, { amount })
      denials.payer.add(item.line.payer, item.line.payer === '' ? UNKNOWN_PAYER_LABEL : item.line.payer, id, { amount })
      denials.month.add(monthOf(denialDate(denial)), monthOf(denialDate(denial)), id, { amount })
      if (item.override === null || item.encounter === null) return
      totals.overriddenThenDenied += 1
      totals.overriddenThenDeniedAmount += amount
      if (item.override.rules.length === 0) overridden.rule.add(NO_RULE_KEY, NO_RULE_LABEL, id, { amount, special: 'no-rule' })
      for (const rule of item.override.rules) overridden.rule.add(rule, ruleLabel(rule), id, { amount })
      const coderId = item.encounter.finalizedBy ?? ''
      overridden.coder.add(coderId, coderId === '' ? UNKNOWN_CODER_LABEL : item.line.coderName, id, { amount })
      overridden.supervisor.add(item.override.detail.supervisorId, item.override.detail.supervisorName, id, { amount })
    })
  }

  return {
    range,
    totals,
    lines,
    charts: {
      'flags-category': chart('flags-category', 'flags', 'category', flags.category),
      'flags-rule': chart('flags-rule', 'flags', 'rule', flags.rule),
      'flags-provider': chart('flags-provider', 'flags', 'provider', flags.provider),
      'flags-payer': chart('flags-payer', 'flags', 'payer', flags.payer),
      'flags-month': chart('flags-month', 'flags', 'month', flags.month),
      'denials-category': chart('denials-category', 'denials', 'category', denials.category),
      'denials-rule': chart('denials-rule', 'denials', 'rule', denials.rule),
      'denials-provider': chart('denials-provider', 'denials', 'provider', denials.provider),
      'denials-payer': chart('denials-payer', 'denials', 'payer', denials.payer),
      'denials-month': chart('denials-month', 'denials', 'month', denials.month),
      'overridden-rule': chart('overridden-rule', 'overridden', 'rule', overridden.rule),
      'overridden-coder': chart('overridden-coder', 'overridden', 'coder', overridden.coder),
      'overridden-supervisor': chart('overridden-supervisor', 'overridden', 'supervisor', overridden.supervisor),
    },
  }
}
