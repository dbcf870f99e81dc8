import { useEffect, useState } from 'react'
import type { Role, SessionInfo } from '../../group-api/index.ts'
import type { WorksheetStore } from '../../storage/index.ts'
import type { UserRecord } from '../../storage/types.ts'

/**
 * The app's local features know coders, supervisors and trainees. An admin works in them with a
 * supervisor's rights; the server role stays on the session for the admin pages and the header.
 */
export function localRoleOf(role: Role): UserRecord['role'] {
  return role === 'admin' ? 'supervisor' : role
}

/**
 * The signed-in person as the app's current user: their profile in this browser's store (kept
 * up to date with the server's name and role, created on first sign-in here), so what they do
 * locally is recorded under their server id and their name shows in the review queue and
 * training progress.
 */
export async function syncLocalUser(store: WorksheetStore, session: SessionInfo, now: () => string = () => new Date().toISOString()): Promise<UserRecord> {
  const role = localRoleOf(session.role ?? 'trainee')
  const { id, name } = session.user
  let stored: UserRecord | undefined
  try {
    stored = (await store.listUsers()).find((u) => u.id === id)
  } catch {
    stored = undefined
  }
  const record: UserRecord = { id, name, role, createdAt: stored?.createdAt ?? now() }
  if (!stored || stored.name !== name || stored.role !== role) {
    // The profile only names the person in local views: a store that cannot write does not stop the sign-in.
    await store.saveUser(record).catch(() => undefined)
  }
  return record
}

/** The local profile of the session's person; null until it is read (a moment after sign-in). */
export function useLocalUser(store: WorksheetStore, session: SessionInfo | null): UserRecord | null {
  const [record, setRecord] = useState<UserRecord | null>(null)
  const id = session?.user.id
  const name = session?.user.name
  const role = session?.role ?? null
  useEffect(() => {
    if (!session) return
    let current = true
    void syncLocalUser(store, session).then((r) => { if (current) setRecord(r) })
    return () => { current = false }
    // The profile depends on who and which role, not on every session refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, id, name, role])
  return session && record && record.id === session.user.id && record.name === session.user.name && record.role === localRoleOf(session.role ?? 'trainee') ? record : null
}
