import type { Invite, Member, Role, SessionInfo } from '../../group-api/index.ts'

/** Ids in the API's uuid form, for tests. */
export const IDS = {
  ada: '00000000-0000-4000-8000-00000000a0a0',
  casey: '00000000-0000-4000-8000-00000000c0c0',
  tia: '00000000-0000-4000-8000-00000000d0d0',
  practice: '00000000-0000-4000-8000-0000000000b1',
  otherPractice: '00000000-0000-4000-8000-0000000000b2',
  session: '00000000-0000-4000-8000-0000000005e1',
  otherSession: '00000000-0000-4000-8000-0000000005e2',
  invite: '00000000-0000-4000-8000-00000000e1e1',
} as const

/** A setup or invitation link token of the API's form. */
export const LINK_TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123'

/** An active session of Ada Admin at North Clinic, 15 minutes idle timeout (or the one given), from `now`. */
export function sessionInfo(overrides: Partial<SessionInfo> = {}, now = Date.now()): SessionInfo {
  const role: Role = overrides.role ?? 'admin'
  const idleTimeoutMinutes = overrides.idleTimeoutMinutes ?? 15
  return {
    state: 'active',
    user: { id: IDS.ada, name: 'Ada Admin', email: 'ada@north.example' },
    practice: { id: IDS.practice, name: 'North Clinic' },
    role,
    practices: [{ id: IDS.practice, name: 'North Clinic', role }],
    twoFactorEnabled: false,
    twoFactorRequired: false,
    idleTimeoutMinutes,
    idleExpiresAt: new Date(now + idleTimeoutMinutes * 60_000).toISOString(),
    expiresAt: new Date(now + 12 * 3_600_000).toISOString(),
    ...overrides,
  }
}

export function member(overrides: Partial<Member> = {}): Member {
  return {
    userId: IDS.casey, name: 'Casey Coder', email: 'casey@north.example', role: 'coder', active: true,
    twoFactorEnabled: false, lastSignInAt: '2026-11-20T14:05:00.000Z', joinedAt: '2026-10-01T09:00:00.000Z',
    ...overrides,
  }
}

export function invite(overrides: Partial<Invite> = {}): Invite {
  return {
    id: IDS.invite, email: 'new@north.example', role: 'coder', createdAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2026-11-27T10:00:00.000Z', acceptedAt: null, createdByName: 'Ada Admin',
    ...overrides,
  }
}
