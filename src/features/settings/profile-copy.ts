import type { FrequencyLimit, PayerProfile } from '../../domain/index.ts'
import type { CustomPayerProfileRecord } from '../../storage/index.ts'
import { describeInterval, describePurposes, describeRepeatedLines } from './profile-labels.ts'

const EDITED_PREFIX = 'Edited by the practice; originally: '

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
}

/** A profile id made from `base`, lower-case letters, digits and dashes, that no id in `taken` has. */
export function newCustomProfileId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  const stem = (slug(base) || 'profile').slice(0, 45).replace(/-+$/, '')
  const first = stem.endsWith('-custom') ? stem : `${stem}-custom`
  if (!used.has(first)) return first
  for (let n = 2; ; n++) {
    const id = `${first}-${n}`
    if (!used.has(id)) return id
  }
}

/** A custom copy of `profile`, not stored yet: a new id, "<name> (custom)", every value and source kept. */
export function copyProfile(profile: PayerProfile, taken: Iterable<string>, now: string): CustomPayerProfileRecord {
  const copy = structuredClone(profile)
  return {
    profile: { ...copy, id: newCustomProfileId(profile.id, taken), name: `${profile.name} (custom)`.slice(0, 80) },
    basedOn: profile.id,
    createdAt: now,
    updatedAt: now,
  }
}

/** What of a limit differs from the limit it was copied from, as "Limit: 4 sessions", the original values. */
export function limitChanges(limit: FrequencyLimit, original: FrequencyLimit): string[] {
  const changes: string[] = []
  const add = (what: string, now: string, was: string) => { if (now !== was) changes.push(`${what}: ${was}`) }
  add('Limit', `${limit.limit} sessions`, `${original.limit} sessions`)
  add('Window', describeInterval(limit.window), describeInterval(original.window))
  add('Scope', limit.scope, original.scope)
  add('Minimum interval', describeInterval(limit.minInterval), describeInterval(original.minInterval))
  add('Severity', limit.severity, original.severity)
  add('Counts', describePurposes(limit.purposes), describePurposes(original.purposes))
  add('Family', limit.family, original.family)
  add('Effective from', limit.effectiveFrom ?? 'no start date', original.effectiveFrom ?? 'no start date')
  add('Effective to', limit.effectiveTo ?? 'no end date', original.effectiveTo ?? 'no end date')
  return changes
}

/**
 * The profile to store: a limit, bilateral rule, repeated-line rule or NDC rule whose value was
 * changed but whose source
 * still reads as the original's says so, so that no edited value claims the payer's source.
 */
export function markEditedSources(profile: PayerProfile, original: PayerProfile | undefined): PayerProfile {
  if (!original) return profile
  const mark = (source: string, originalSource: string) => (source === originalSource && !source.startsWith(EDITED_PREFIX) ? `${EDITED_PREFIX}${source}` : source)
  const bilateral = { ...profile.bilateral }
  for (const key of ['professional', 'hospitalOutpatientFacility', 'ascFacility'] as const) {
    const rule = profile.bilateral[key]
    const was = original.bilateral[key]
    if (rule.format !== was.format) (bilateral as Record<typeof key, typeof rule>)[key] = { ...rule, source: mark(rule.source, was.source) }
  }
  const frequencyLimits = profile.frequencyLimits.map((limit) => {
    const was = original.frequencyLimits.find((l) => l.id === limit.id)
    return was && limitChanges(limit, was).length > 0 ? { ...limit, source: mark(limit.source, was.source) } : limit
  })
  const repeatedLines = describeRepeatedLines(profile.repeatedLines) === describeRepeatedLines(original.repeatedLines)
    ? profile.repeatedLines
    : { ...profile.repeatedLines, source: mark(profile.repeatedLines.source, original.repeatedLines.source) }
  const ndc = profile.ndc.required === original.ndc.required ? profile.ndc : { ...profile.ndc, source: mark(profile.ndc.source, original.ndc.source) }
  return { ...profile, bilateral, repeatedLines, ndc, frequencyLimits }
}
