import { z } from 'zod/mini'
import type { UserRecord } from '../../storage/types.ts'

export const ROLES = ['coder', 'supervisor', 'trainee'] as const satisfies readonly UserRecord['role'][]
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = { coder: 'Coder', supervisor: 'Supervisor', trainee: 'Trainee' }

export const MAX_NAME = 80

export const LAST_USER_KEY = 'injection-coding-worksheet:last-user'
export const SESSION_USER_KEY = 'injection-coding-worksheet:session-user'

export interface ProfileFormValues {
  name: string
  role: Role
}

export const DEFAULT_PROFILE_VALUES: Readonly<ProfileFormValues> = Object.freeze({ name: '', role: 'coder' })

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

/** The new-profile form: a trimmed name, 1 to 80 characters, not already taken (ignoring case). */
export function profileFormSchema(taken: readonly string[]) {
  return z.object({
    name: z.pipe(
      z.pipe(z.string(), z.transform((s) => s.trim())),
      z.string().check(
        z.minLength(1, 'Enter a name.'),
        z.maxLength(MAX_NAME, `Use at most ${MAX_NAME} characters.`),
        z.refine((name) => !taken.some((t) => sameName(t, name)), 'A profile with this name already exists: choose it above or use another name.'),
      ),
    ),
    role: z.enum(ROLES),
  })
}

/** A new profile from validated form values. */
export function newUserRecord(values: ProfileFormValues, id: string, now: string): UserRecord {
  return { id, name: values.name, role: values.role, createdAt: now }
}

const userRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1), z.maxLength(MAX_NAME)),
  role: z.enum(ROLES),
  createdAt: z.string(),
})

/** A stored user record, or null when the text is missing or not one. */
export function parseUserRecord(text: string | null): UserRecord | null {
  if (!text) return null
  try {
    const parsed = userRecordSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
