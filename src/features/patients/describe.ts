import { familyLabels, regionLabels } from '../../domain/index.ts'
import type { PatientCounter, TimelineRow } from '../../domain/patient-overview.ts'

const humanize = (text: string): string => text.replace(/-/g, ' ')
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** "lumbar/sacral", or "all regions" for a counter across regions. */
export function regionText(region: PatientCounter['region']): string {
  return region ? regionLabels[region] : 'all regions'
}

/** "Epidural steroid injection · lumbar/sacral · diagnostic" */
export function describeCounterTitle(counter: PatientCounter): string {
  return [familyLabels[counter.family], regionText(counter.region), ...(counter.purpose ? [humanize(counter.purpose)] : [])].join(' · ')
}

/** "3 / 4 in a rolling 12 months" */
export function describeUse(counter: PatientCounter): string {
  const { amount, unit } = counter.window
  return `${counter.used} / ${counter.limit} in a rolling ${amount} ${amount === 1 ? unit.replace(/s$/, '') : unit}`
}

/** Where a new session on the as-of date stands, in plain words. */
export function describeStanding(counter: PatientCounter, asOf: string): { label: string; detail: string } {
  const next = counter.nextAllowedDate
  switch (counter.standing) {
    case 'over':
      return { label: 'Over the limit', detail: `The recorded sessions already exceed the limit. Next eligible date: ${next}.` }
    case 'at-limit':
      return { label: 'At the limit', detail: `A session on ${asOf} would exceed the limit. Next eligible date: ${next}.` }
    case 'too-soon':
      return { label: 'Not yet eligible', detail: `A session on ${asOf} would be too soon. Next eligible date: ${next}.` }
    default: {
      const left = counter.limit - counter.used
      return { label: 'Eligible', detail: `A session on ${asOf} is within the limit: ${plural(left, 'session')} left in the window.` }
    }
  }
}

/** "Epidural steroid injection, lumbar/sacral" */
export function describeRow(row: Pick<TimelineRow, 'family' | 'region'>): string {
  return row.region ? `${familyLabels[row.family]}, ${regionLabels[row.region]}` : familyLabels[row.family]
}

/** Purpose in words, or null when the family has none. */
export function purposeText(session: { purpose: string | null }): string | null {
  return session.purpose ? humanize(session.purpose) : null
}

/** "64483 64484 by DR-A, DR-B" (providers left out when the export had none). */
export function describeSessionLines(session: { codes: readonly string[]; providers: readonly string[] }): string {
  const by = session.providers.length > 0 ? ` by ${session.providers.join(', ')}` : ' (provider not recorded)'
  return `${session.codes.join(' ')}${by}`
}

export { plural }
