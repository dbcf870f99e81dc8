import { useEffect, useMemo, useState } from 'react'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { ROLE_LABELS, type Member, type Role } from '../../group-api/index.ts'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import { AdminSection, ErrorText } from './admin-section.tsx'
import { DataTable } from './data-table.tsx'
import { memberColumns } from './members-columns.ts'
import { MembersActionsContext, type MemberAction, type MembersActions } from './members-context.ts'

interface Pending { action: MemberAction; member: Member }

const CONFIRM: Record<MemberAction, { title: (m: Member) => string; label: string; danger: boolean; text: (m: Member, practice: string) => string; done: (m: Member) => string }> = {
  deactivate: {
    title: (m) => `Deactivate ${m.name}?`,
    label: 'Deactivate',
    danger: true,
    text: (m, practice) => `${m.name} can no longer work in ${practice}, and their sessions in it end at once. Their records stay. You can reactivate them later.`,
    done: (m) => `${m.name} was deactivated; their sessions in this practice ended.`,
  },
  reactivate: {
    title: (m) => `Reactivate ${m.name}?`,
    label: 'Reactivate',
    danger: false,
    text: (m, practice) => `${m.name} can sign in to ${practice} again, as ${ROLE_LABELS[m.role]}.`,
    done: (m) => `${m.name} was reactivated.`,
  },
  'reset-two-factor': {
    title: (m) => `Reset two-factor for ${m.name}?`,
    label: 'Reset two-factor',
    danger: true,
    text: (m) => `${m.name}'s authenticator and backup codes stop working. Where two-factor is required for their role, they set it up again at their next sign-in. Do this when they lost their phone and their backup codes, after checking who is asking.`,
    done: (m) => `Two-factor was reset for ${m.name}.`,
  },
}

const article = (label: string) => (/^[AEIOU]/.test(label) ? 'an' : 'a')

/** The practice's people: roles, deactivation, two-factor resets. */
export function MembersPage({ currentUserId, practiceName }: { currentUserId: string; practiceName: string }) {
  const client = useGroupClient()
  const [members, setMembers] = useState<Member[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [dialogError, setDialogError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    client.request('members').then(
      (answer) => { if (current) setMembers(answer.members) },
      (e: unknown) => { if (current) setLoadError(describeError(e)) },
    )
    return () => { current = false }
  }, [client])

  const replace = (member: Member) => setMembers((list) => list?.map((m) => (m.userId === member.userId ? member : m)) ?? null)

  const actions = useMemo<MembersActions>(() => ({
    currentUserId,
    saveRole: async (member: Member, role: Role) => {
      setError(null)
      setStatus(null)
      try {
        replace(await client.request('changeRole', { params: { userId: member.userId }, body: { role } }))
        setStatus(`${member.name} is now ${article(ROLE_LABELS[role])} ${ROLE_LABELS[role]}.`)
        return true
      } catch (e) {
        setError(describeError(e))
        return false
      }
    },
    ask: (action: MemberAction, member: Member) => {
      setDialogError(null)
      setPending({ action, member })
    },
  }), [client, currentUserId])

  const confirm = async () => {
    if (!pending) return
    const { action, member } = pending
    setBusy(true)
    setDialogError(null)
    try {
      const params = { params: { userId: member.userId } }
      const updated = action === 'deactivate' ? await client.request('deactivate', params)
        : action === 'reactivate' ? await client.request('reactivate', params)
          : await client.request('resetTwoFactor', params)
      replace(updated)
      setStatus(CONFIRM[action].done(updated))
      setError(null)
      setPending(null)
    } catch (e) {
      setDialogError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  const deactivated = members?.filter((m) => !m.active).length ?? 0
  const copy = pending ? CONFIRM[pending.action] : null

  return (
    <AdminSection title="Members">
      {members === null && !loadError ? <p role="status">Loading members…</p> : null}
      <ErrorText message={loadError} />
      {members ? (
        <>
          <p className="text-sm text-slate-800">
            {members.length} {members.length === 1 ? 'member' : 'members'}{deactivated > 0 ? `, ${deactivated} deactivated` : ''}. New people join with an invitation.
          </p>
          <p role="status" className="text-sm font-medium text-emerald-900">{status}</p>
          <ErrorText message={error} />
          <MembersActionsContext value={actions}>
            <DataTable caption="Members of the practice" columns={memberColumns} data={members} getRowId={(m) => m.userId}
              empty="No members yet." rowClassName={(m) => (m.active ? '' : 'bg-slate-50 text-slate-700')} />
          </MembersActionsContext>
        </>
      ) : null}
      <ConfirmDialog open={pending !== null} title={pending && copy ? copy.title(pending.member) : ''} confirmLabel={copy?.label ?? ''}
        danger={copy?.danger ?? false} busy={busy} error={dialogError}
        onConfirm={() => void confirm()} onCancel={() => { if (!busy) setPending(null) }}>
        <p>{pending && copy ? copy.text(pending.member, practiceName) : null}</p>
      </ConfirmDialog>
    </AdminSection>
  )
}
