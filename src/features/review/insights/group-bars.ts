import { monthsBetween } from './date-range.ts'
import type { InsightBar, SpecialBucket } from './insights-types.ts'

const SPECIAL_ORDER: Record<SpecialBucket | 'none', number> = { 'no-rule': 0, unmatched: 1, none: 2 }

/** Collects lines into the bars of one chart. */
export class BarGroups {
  private readonly bars = new Map<string, InsightBar>()

  constructor(private readonly withSeverity: boolean, private readonly withAmount: boolean) {}

  /** Puts a line in the bar `key` (made on first use with `label`); a line already in it is not counted twice. */
  add(key: string, label: string, lineId: string, options: { severity?: 'error' | 'warning'; amount?: number; special?: SpecialBucket } = {}): void {
    let bar = this.bars.get(key)
    if (bar === undefined) {
      bar = {
        key, label, count: 0, lineIds: [], special: options.special ?? null,
        severity: this.withSeverity ? { error: 0, warning: 0 } : null, amount: this.withAmount ? 0 : null,
      }
      this.bars.set(key, bar)
    }
    if (bar.lineIds.at(-1) === lineId) return
    bar.lineIds.push(lineId)
    bar.count += 1
    if (bar.severity && options.severity) bar.severity[options.severity] += 1
    if (bar.amount !== null) bar.amount += options.amount ?? 0
  }

  /** The called-out buckets first ("no rule" before "not matched"), then the largest bars (by amount at equal counts), then by label. */
  byCount(): InsightBar[] {
    return [...this.bars.values()].sort((a, b) =>
      SPECIAL_ORDER[a.special ?? 'none'] - SPECIAL_ORDER[b.special ?? 'none'] || b.count - a.count || (b.amount ?? 0) - (a.amount ?? 0) || a.label.localeCompare(b.label, 'en-US'))
  }

  /** Month bars in calendar order, with the quiet months between the first and the last as empty bars. */
  byMonth(): InsightBar[] {
    const keys = [...this.bars.keys()].sort()
    if (keys.length === 0) return []
    return monthsBetween(keys[0], keys[keys.length - 1]).map((month) => this.bars.get(month) ?? {
      key: month, label: month, count: 0, lineIds: [], special: null,
      severity: this.withSeverity ? { error: 0, warning: 0 } : null, amount: this.withAmount ? 0 : null,
    })
  }
}
