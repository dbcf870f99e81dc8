import { useEffect, useId, useRef, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { useStore, useStoreQuery } from '../../storage/index.ts'
import type { UserRecord } from '../../storage/types.ts'
import { newUserRecord, ROLE_LABELS, type ProfileFormValues } from './model.ts'
import { NewProfileForm } from './new-profile-form.tsx'
import { readLastUserId } from './session.ts'

interface UserChooserProps {
  onChoose: (user: UserRecord) => void
  /**
   * Moves focus to the heading: when the chooser replaces the screen the user was on (switch
   * user). On a fresh page load focus stays at the top, where the skip link comes first.
   */
  focusHeading?: boolean
}

/** Asks who is using the app: pick a profile on this machine or create one. */
export function UserChooser({ onChoose, focusHeading = false }: UserChooserProps) {
  const store = useStore()
  const users = useStoreQuery((s) => s.listUsers(), ['users'], [])
  const headingRef = useRef<HTMLHeadingElement>(null)
  const pickId = useId()
  const [picked, setPicked] = useState<string | null>(null)

  useEffect(() => { if (focusHeading) headingRef.current?.focus() }, [focusHeading])

  const create = async (values: ProfileFormValues) => {
    const user = newUserRecord(values, crypto.randomUUID(), new Date().toISOString())
    await store.saveUser(user)
    onChoose(user)
  }

  const first = users !== undefined && users.length === 0
  const lastId = readLastUserId()
  const selected = picked ?? users?.find((u) => u.id === lastId)?.id ?? users?.[0]?.id ?? null
  const selectedUser = users?.find((u) => u.id === selected)

  return (
    <section aria-labelledby={`${pickId}-heading`} className="mx-auto flex max-w-xl flex-col gap-4">
      <h2 id={`${pickId}-heading`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {first ? 'Create your profile' : 'Who is using the app?'}
      </h2>
      {users === undefined ? <p role="status">Loading profiles…</p> : null}
      {first ? (
        <p className="text-sm">There is no profile on this machine yet. Create the first one: what you do is recorded under it.</p>
      ) : null}
      {users && users.length > 0 ? (
        <form
          className="flex flex-col gap-3 rounded border border-brand-200 bg-white p-4"
          onSubmit={(e) => { e.preventDefault(); if (selectedUser) onChoose(selectedUser) }}
        >
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium text-slate-800">Profiles on this machine</legend>
            {users.map((u) => (
              <label key={u.id} className="flex min-h-8 items-center gap-2 text-sm">
                <input type="radio" name={`${pickId}-user`} value={u.id} checked={u.id === selected} onChange={() => setPicked(u.id)} />
                <span className="font-medium">{u.name}</span>
                <span className="text-slate-700">({ROLE_LABELS[u.role]})</span>
              </label>
            ))}
          </fieldset>
          <div>
            <Button type="submit" variant="primary" disabled={!selectedUser}>
              {selectedUser ? `Continue as ${selectedUser.name}` : 'Continue'}
            </Button>
          </div>
        </form>
      ) : null}
      {users !== undefined ? (
        <section aria-labelledby={`${pickId}-new`} className="flex flex-col gap-3 rounded border border-brand-200 bg-white p-4">
          <h3 id={`${pickId}-new`} className="font-semibold">{first ? 'Your profile' : 'New profile'}</h3>
          <NewProfileForm takenNames={users.map((u) => u.name)} submitLabel={first ? 'Create profile and start' : 'Create profile'} onCreate={create} />
        </section>
      ) : null}
    </section>
  )
}
