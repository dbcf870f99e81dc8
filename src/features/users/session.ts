import type { UserRecord } from '../../storage/types.ts'
import { LAST_USER_KEY, parseUserRecord, SESSION_USER_KEY } from './model.ts'

// sessionStorage is per tab and survives a reload but not a new tab or a browser restart: the
// profile is chosen when the app opens, and a reload (or a crash recovery) does not ask again.
// Storage can be unavailable (privacy modes); the app then simply asks every time.
function safely<T>(run: () => T, fallback: T): T {
  try {
    return run()
  } catch {
    return fallback
  }
}

/** The profile already chosen in this tab, if any. */
export function readSessionUser(): UserRecord | null {
  return safely(() => parseUserRecord(sessionStorage.getItem(SESSION_USER_KEY)), null)
}

/** Remembers the chosen profile for this tab and as the one to preselect next time. */
export function rememberUser(user: UserRecord): void {
  safely(() => {
    sessionStorage.setItem(SESSION_USER_KEY, JSON.stringify(user))
    localStorage.setItem(LAST_USER_KEY, user.id)
  }, undefined)
}

/** Forgets this tab's choice (switch user); the last used profile stays preselected. */
export function forgetSessionUser(): void {
  safely(() => sessionStorage.removeItem(SESSION_USER_KEY), undefined)
}

export function readLastUserId(): string | null {
  return safely(() => localStorage.getItem(LAST_USER_KEY), null)
}
