import { builtInPayerProfiles, payerProfileSchema } from '../domain/index.ts'
import {
  chargeSettingsRecordSchema, coverageSettingsRecordSchema, draftRecordSchema, ndcListRecordSchema, payerProfileRecordSchema, practiceCaseRecordSchema, providerRecordSchema,
} from '../domain/stored-records.ts'
import type { ZodMiniType } from 'zod/mini'
import type { Role } from './schemas.ts'

/**
 * The practice's shared records (issue 13), as data: each kind's value schema (the one a backup
 * file's records of that table are checked with), the key a value is stored under, who may write
 * it and who may read it. The server checks every write against this; the client uses it to
 * key its replica and to refuse a write the server would refuse.
 *
 * Who reads what, from what the app does today:
 * - providers, payer profiles, coverage choices and the NDC list feed the worksheet, review and the claim
 *   export, and the charge file settings the charge export: every staff role reads them; trainees
 *   work on practice cases, which carry their own facts, and read none of them;
 * - practice cases are training material: trainees must read them, and so does everyone;
 * - a draft is its owner's only (an admin does not see a coder's drafts either).
 * Writes follow the settings screens: providers are kept by every staff role (the worksheet's
 * provider list), payer profiles, coverage choices, the NDC list, the charge file settings and
 * practice cases by supervisors and admins.
 */

export const RECORD_KINDS = ['provider', 'payer-profile', 'practice-case', 'coverage-settings', 'draft', 'ndc-list-entry', 'charge-settings'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export interface RecordKindSpec {
  /** What the record is, in the app's words ("a provider"). */
  label: string
  value: ZodMiniType
  /** The key the value belongs under. */
  keyOf: (value: never) => string
  /** A problem the schema cannot see, or null. */
  extraCheck?: (value: never) => string | null
  writers: readonly Role[]
  readers: readonly Role[]
  /** Each person's own: readable and writable by its owner only. */
  ownerPrivate: boolean
}

const STAFF = ['admin', 'supervisor', 'coder'] as const satisfies readonly Role[]
const REVIEWERS = ['admin', 'supervisor'] as const satisfies readonly Role[]
const EVERY_ROLE = ['admin', 'supervisor', 'coder', 'trainee'] as const satisfies readonly Role[]
const builtInIds = new Set(builtInPayerProfiles.map((p) => p.id))

export const RECORD_KIND_SPECS: Record<RecordKind, RecordKindSpec> = {
  provider: { label: 'a provider', value: providerRecordSchema, keyOf: (v: { id: string }) => v.id, writers: STAFF, readers: STAFF, ownerPrivate: false },
  'payer-profile': {
    label: 'a payer profile', value: payerProfileRecordSchema, keyOf: (v: { profile: { id: string } }) => v.profile.id,
    extraCheck: (v: { profile: unknown }) => {
      const profile = payerProfileSchema.safeParse(v.profile)
      if (!profile.success) {
        const issue = profile.error.issues[0]
        return `profile.${issue.path.join('.')} ${issue.message}`
      }
      return builtInIds.has(profile.data.id) ? `profile.id '${profile.data.id}' is the id of a built-in profile` : null
    },
    writers: REVIEWERS, readers: STAFF, ownerPrivate: false,
  },
  'practice-case': { label: 'a practice case', value: practiceCaseRecordSchema, keyOf: (v: { id: string }) => v.id, writers: REVIEWERS, readers: EVERY_ROLE, ownerPrivate: false },
  'coverage-settings': { label: 'the coverage choices', value: coverageSettingsRecordSchema, keyOf: (v: { id: string }) => v.id, writers: REVIEWERS, readers: STAFF, ownerPrivate: false },
  'ndc-list-entry': { label: 'an NDC list entry', value: ndcListRecordSchema, keyOf: (v: { id: string }) => v.id, writers: REVIEWERS, readers: STAFF, ownerPrivate: false },
  'charge-settings': { label: 'the charge file settings', value: chargeSettingsRecordSchema, keyOf: (v: { id: string }) => v.id, writers: REVIEWERS, readers: STAFF, ownerPrivate: false },
  draft: { label: 'a draft', value: draftRecordSchema, keyOf: (v: { id: string }) => v.id, writers: STAFF, readers: STAFF, ownerPrivate: true },
}

/** Whether a role may read records of the kind (owner-private kinds: their own only). */
export const mayReadKind = (kind: RecordKind, role: Role): boolean => RECORD_KIND_SPECS[kind].readers.includes(role)
export const mayWriteKind = (kind: RecordKind, role: Role): boolean => RECORD_KIND_SPECS[kind].writers.includes(role)

/**
 * The problem with storing `value` as the kind's record under `key`, or null: the kind's schema,
 * its own checks, and the key the value names.
 */
export function recordValueProblem(kind: RecordKind, key: string, value: unknown): { path: string; message: string } | null {
  const spec = RECORD_KIND_SPECS[kind]
  const parsed = spec.value.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue.path.map(String).join('.')
    return { path: path ? `value.${path}` : 'value', message: `${path ? `${path} ` : 'the value '}${issue.message}` }
  }
  const extra = spec.extraCheck?.(value as never)
  if (extra) return { path: 'value', message: extra }
  const own = spec.keyOf(value as never)
  if (own !== key) return { path: 'value', message: `${spec.label} with key '${own}' cannot be stored under the key '${key}'` }
  return null
}
