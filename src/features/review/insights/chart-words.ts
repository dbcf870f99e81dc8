import { countOf, formatCents } from './insight-labels.ts'
import type { ChartKind, InsightBar } from './insights-types.ts'

/** What a chart counts, in the singular. */
export const UNIT: Record<ChartKind, string> = { flags: 'flag', denials: 'denial', overridden: 'denial' }

/** "12 flags", "3 denials": a bar's count as its button and the table read it. */
export function barCount(kind: ChartKind, bar: Pick<InsightBar, 'count'>): string {
  return countOf(bar.count, UNIT[kind])
}

/** "Modifier: 12 flags": what a bar's button is called. */
export function barName(kind: ChartKind, bar: Pick<InsightBar, 'label' | 'count'>): string {
  return `${bar.label}: ${barCount(kind, bar)}`
}

/** The second fact beside a bar: its errors and warnings, or the amount denied. */
export function barDetail(bar: InsightBar): string {
  if (bar.severity) return `${countOf(bar.severity.error, 'error')}, ${countOf(bar.severity.warning, 'warning')}`
  return bar.amount === null ? '' : `${formatCents(bar.amount)} denied`
}
