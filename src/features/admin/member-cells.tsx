import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { ROLE_LABELS, ROLES, type Member, type Role } from '../../group-api/index.ts'
import { formatDateTime } from '../../lib/date-time.ts'
import { useMembersActions } from './members-context.ts'

export function NameCell({ member }: { member: Member }) {
  const { currentUserId } = useMembersActions()
  return <span className="font-medium">{member.name}{member.userId === currentUserId ? <span className="font-normal text-slate-700"> (you)</span> : null}</span>
}

export function RoleCell({ member }: { member: Member }) {
  const { currentUserId, saveRole } = useMembersActions()
  const id = useId()
  const [picked, setPicked] = useState<Role>(member.role)
  const [busy, setBusy] = useState(false)
  if (member.userId === currentUserId) {
    return <span>{ROLE_LABELS[member.role]}<span className="block text-xs text-slate-700">Another admin can change your role.</span></span>
  }
  return (
    <form className="flex items-center gap-1" onSubmit={(e) => {
      e.preventDefault()
      setBusy(true)
      void saveRole(member, picked).then((ok) => { setBusy(false); if (!ok) setPicked(member.role) })
    }}>
      <label htmlFor={id} className="sr-only">Role for {member.name}</label>
      <select id={id} value={picked} onChange={(e) => setPicked(e.target.value as Role)}
        className="rounded border border-slate-400 bg-white px-1 py-0.5 focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus">
        {ROLES.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
      </select>
      <Button type="submit" size="sm" disabled={busy || picked === member.role}>Save<span className="sr-only"> role for {member.name}</span></Button>
    </form>
  )
}

export function StatusCell({ member }: { member: Member }) {
  return member.active
    ? <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900">Active</span>
    : <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-800">Deactivated</span>
}

export function TwoFactorCell({ member }: { member: Member }) {
  return <span>{member.twoFactorEnabled ? 'On' : 'Off'}</span>
}

export function DateCell({ iso, none = 'Never' }: { iso: string | null; none?: string }) {
  return iso ? <time dateTime={iso} className="whitespace-nowrap">{formatDateTime(iso)}</time> : <span className="text-slate-700">{none}</span>
}

export function MemberActionsCell({ member }: { member: Member }) {
  const { currentUserId, ask } = useMembersActions()
  const self = member.userId === currentUserId
  return (
    <div className="flex flex-wrap gap-1">
      {member.active
        ? (self ? null : <Button size="sm" onClick={() => ask('deactivate', member)}>Deactivate<span className="sr-only"> {member.name}</span></Button>)
        : <Button size="sm" onClick={() => ask('reactivate', member)}>Reactivate<span className="sr-only"> {member.name}</span></Button>}
      {member.twoFactorEnabled
        ? <Button size="sm" onClick={() => ask('reset-two-factor', member)}>Reset two-factor<span className="sr-only"> for {member.name}</span></Button>
        : null}
    </div>
  )
}
