import type { FieldErrors, Resolver } from 'react-hook-form'
import {
  payerProfileSchema, type BilateralFormat, type DISTINGUISHING_MODIFIERS, type FrequencyLimit, type NdcRule, type PayerProfile, type ProcedureType, type RepeatedLines,
} from '../../domain/index.ts'

/** One frequency limit as the form edits it: nullable values become '' or 'none'. */
export interface LimitFormValues {
  id: string
  family: ProcedureType
  /** 'all' or the purposes joined by commas. */
  purposes: string
  limit: number
  windowAmount: number
  windowUnit: 'days' | 'months'
  scope: 'per-region' | 'all-regions'
  minIntervalUnit: 'none' | 'days' | 'months'
  minIntervalAmount: number
  severity: 'error' | 'warning'
  interpretation: string
  note: string
  effectiveFrom: string
  effectiveTo: string
  source: string
}

export interface BilateralFormValues {
  format: BilateralFormat
  verified: boolean
  source: string
}

/** Repeated claim lines as the form edits them: no modifier is ''. */
export interface RepeatedLinesFormValues {
  format: RepeatedLines['format']
  modifier: (typeof DISTINGUISHING_MODIFIERS)[number] | ''
  source: string
}

export interface ProfileFormValues {
  name: string
  description: string
  bilateral: { professional: BilateralFormValues; hospitalOutpatientFacility: BilateralFormValues; ascFacility: BilateralFormValues }
  repeatedLines: RepeatedLinesFormValues
  ndc: NdcRule
  frequencyLimits: LimitFormValues[]
}

function limitToForm(l: FrequencyLimit): LimitFormValues {
  return {
    id: l.id,
    family: l.family,
    purposes: l.purposes === null ? 'all' : l.purposes.join(','),
    limit: l.limit,
    windowAmount: l.window.amount,
    windowUnit: l.window.unit,
    scope: l.scope,
    minIntervalUnit: l.minInterval?.unit ?? 'none',
    minIntervalAmount: l.minInterval?.amount ?? 1,
    severity: l.severity,
    interpretation: l.interpretation ?? '',
    note: l.note ?? '',
    effectiveFrom: l.effectiveFrom ?? '',
    effectiveTo: l.effectiveTo ?? '',
    source: l.source,
  }
}

/** The form's values for a profile. */
export function profileToFormValues(p: PayerProfile): ProfileFormValues {
  return {
    name: p.name,
    description: p.description,
    bilateral: { professional: { ...p.bilateral.professional }, hospitalOutpatientFacility: { ...p.bilateral.hospitalOutpatientFacility }, ascFacility: { ...p.bilateral.ascFacility } },
    repeatedLines: { format: p.repeatedLines.format, modifier: p.repeatedLines.modifier ?? '', source: p.repeatedLines.source },
    ndc: { ...p.ndc },
    frequencyLimits: p.frequencyLimits.map(limitToForm),
  }
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** The profile the form describes, on top of `base` (id, kind and coverage are not edited here); not validated yet. */
export function formValuesToProfile(v: ProfileFormValues, base: PayerProfile): PayerProfile {
  return {
    ...base,
    name: v.name.trim(),
    description: v.description.trim(),
    bilateral: v.bilateral as PayerProfile['bilateral'],
    // A modifier only tells lines apart when each level keeps its own line.
    repeatedLines: {
      format: v.repeatedLines.format,
      modifier: v.repeatedLines.format === 'line-per-level' && v.repeatedLines.modifier !== '' ? v.repeatedLines.modifier : null,
      source: v.repeatedLines.source.trim(),
    },
    ndc: { required: v.ndc.required, source: v.ndc.source.trim() },
    frequencyLimits: v.frequencyLimits.map((l) => ({
      id: l.id,
      family: l.family,
      purposes: l.purposes === 'all' ? null : (l.purposes.split(',') as NonNullable<FrequencyLimit['purposes']>),
      limit: l.limit,
      window: { amount: l.windowAmount, unit: l.windowUnit },
      scope: l.scope,
      minInterval: l.minIntervalUnit === 'none' ? null : { amount: l.minIntervalAmount, unit: l.minIntervalUnit },
      severity: l.severity,
      interpretation: orNull(l.interpretation),
      note: orNull(l.note),
      effectiveFrom: orNull(l.effectiveFrom),
      effectiveTo: orNull(l.effectiveTo),
      source: l.source.trim(),
    })),
  }
}

/** A new limit for the form, with an id no other limit of the profile has. */
export function newLimitValues(profileId: string, limits: readonly { id: string }[]): LimitFormValues {
  let n = limits.length + 1
  while (limits.some((l) => l.id === `${profileId}-limit-${n}`)) n++
  return {
    id: `${profileId}-limit-${n}`, family: 'epidural', purposes: 'all', limit: 1, windowAmount: 12, windowUnit: 'months', scope: 'per-region',
    minIntervalUnit: 'none', minIntervalAmount: 1, severity: 'error', interpretation: '', note: '', effectiveFrom: '', effectiveTo: '', source: '',
  }
}

const renamed: Readonly<Record<string, string>> = {
  'window.amount': 'windowAmount', 'window.unit': 'windowUnit', 'minInterval.amount': 'minIntervalAmount', 'minInterval.unit': 'minIntervalUnit',
}

/** Where a schema issue belongs on the form. */
export function formPathOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String)
  if (parts[0] === 'frequencyLimits' && parts.length > 2) {
    const rest = parts.slice(2).join('.')
    return `frequencyLimits.${parts[1]}.${renamed[rest] ?? parts[2]}`
  }
  return parts.join('.')
}

interface Issue { code: string; message: string; path: readonly PropertyKey[]; expected?: string }

const numberFields = /(^|\.)(limit|windowAmount|minIntervalAmount)$/

/** A message a coder can act on, for the schema's generic ones. */
export function messageFor(formPath: string, issue: Issue): string {
  if (numberFields.test(formPath) && issue.code === 'invalid_type') return issue.expected === 'int' ? 'Use a whole number' : 'Enter a whole number'
  if (formPath === 'name') return issue.code === 'too_big' ? 'At most 80 characters' : 'Enter a name for the profile'
  if (formPath === 'description') return 'At most 600 characters'
  if (formPath === 'bilateral.ascFacility.format') return 'Modifier 50 is not recognised for ASC facility payment: pick two lines or two units'
  if (/\.interpretation$/.test(formPath)) return 'At most 200 characters'
  if (/\.note$/.test(formPath)) return 'At most 400 characters'
  return issue.message
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {}
    node = node[key] as Record<string, unknown>
  }
  const last = keys[keys.length - 1] ?? ''
  if (node[last] === undefined) node[last] = value
}

/** The form's errors by field, from the domain's payerProfileSchema. */
export function validateProfileForm(values: ProfileFormValues, base: PayerProfile): { profile: PayerProfile | null; errors: FieldErrors<ProfileFormValues> } {
  const parsed = payerProfileSchema.safeParse(formValuesToProfile(values, base))
  if (parsed.success) return { profile: parsed.data, errors: {} }
  const errors: Record<string, unknown> = {}
  for (const issue of parsed.error.issues) {
    const path = formPathOf(issue.path)
    setAt(errors, path, { type: issue.code, message: messageFor(path, issue) })
  }
  return { profile: null, errors }
}

/** react-hook-form's resolver over validateProfileForm. */
export function profileFormResolver(base: PayerProfile): Resolver<ProfileFormValues> {
  return (values) => {
    const { profile, errors } = validateProfileForm(values, base)
    return profile ? { values, errors: {} } : { values: {}, errors }
  }
}
