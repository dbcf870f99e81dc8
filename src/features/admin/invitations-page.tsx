import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { CopyButton } from '../../components/copy-button.tsx'
import { inputClass } from '../../components/field.tsx'
import { ROLE_LABELS, type Invite } from '../../group-api/index.ts'
import { formatDateTime } from '../../lib/date-time.ts'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import { absoluteLink, inviteStatus } from './admin-model.ts'
import { AdminSection, ErrorText } from './admin-section.tsx'
import { DataTable } from './data-table.tsx'
import { inviteColumns, type InviteRow } from './invite-columns.ts'
import { InviteForm } from './invite-form.tsx'

const rowsOf = (invites: readonly Invite[], now: number): InviteRow[] => invites.map((i) => ({ ...i, status: inviteStatus(i, now) }))

function CreatedInvite({ invite, link }: { invite: Invite; link: string }) {
  const headingId = useId()
  const linkId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => { heading.current?.focus() }, [link])
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2 rounded border border-emerald-300 bg-emerald-50 p-4">
      <h4 id={headingId} ref={heading} tabIndex={-1} className="font-semibold focus:outline-none">Invitation for {invite.email} ({ROLE_LABELS[invite.role]}) created</h4>
      <label htmlFor={linkId} className="text-sm font-medium">Invitation link</label>
      <div className="flex flex-wrap items-center gap-2">
        <input id={linkId} readOnly value={link} className={`${inputClass} min-w-0 flex-1 font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={link} label="Copy link" copiedMessage="Invitation link copied." />
      </div>
      <p className="text-sm">
        The link works once, until <time dateTime={invite.expiresAt}>{formatDateTime(invite.expiresAt)}</time>. Pass it on to {invite.email} yourself:
        whoever has it can join with this role, so send it to them only.
      </p>
    </section>
  )
}

/** Invite people (a link with an expiry), see who has accepted, withdraw open invitations. */
export function InvitationsPage() {
  const client = useGroupClient()
  const [rows, setRows] = useState<InviteRow[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [created, setCreated] = useState<{ invite: Invite; link: string } | null>(null)
  const [createError, setCreateError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [withdrawing, setWithdrawing] = useState<InviteRow | null>(null)
  const [busy, setBusy] = useState(false)
  const [dialogError, setDialogError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const { invites } = await client.request('invites')
      setRows(rowsOf(invites, Date.now()))
      setLoadError(null)
    } catch (e) {
      setLoadError(describeError(e))
    }
  }, [client])

  useEffect(() => {
    let current = true
    client.request('invites').then(
      ({ invites }) => { if (current) setRows(rowsOf(invites, Date.now())) },
      (e: unknown) => { if (current) setLoadError(describeError(e)) },
    )
    return () => { current = false }
  }, [client])

  const create = async (values: { email: string; role: Invite['role']; expiresInDays: number }) => {
    setCreateError(null)
    setStatus(null)
    try {
      const answer = await client.request('createInvite', { body: values })
      setCreated({ invite: answer.invite, link: absoluteLink(answer.link, window.location.origin) })
      await load()
      return true
    } catch (e) {
      setCreateError(describeError(e))
      return false
    }
  }

  const withdraw = async () => {
    if (!withdrawing) return
    setBusy(true)
    setDialogError(null)
    try {
      await client.request('revokeInvite', { params: { id: withdrawing.id } })
      setStatus(`The invitation for ${withdrawing.email} was withdrawn; its link no longer works.`)
      if (created?.invite.id === withdrawing.id) setCreated(null)
      setWithdrawing(null)
      await load()
    } catch (e) {
      setDialogError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  const columns = useMemo(() => inviteColumns((invite) => { setDialogError(null); setWithdrawing(invite) }), [])
  const open = rows?.filter((r) => r.status === 'open').length ?? 0

  return (
    <AdminSection title="Invitations">
      <p className="text-sm text-slate-800">An invitation is a link for one person and one role. Whoever opens it creates an account (or joins with their existing one) and is signed in.</p>
      <InviteForm onCreate={create} />
      <ErrorText message={createError} />
      {created ? <CreatedInvite invite={created.invite} link={created.link} /> : null}
      <p role="status" className="text-sm font-medium text-emerald-900">{status}</p>
      {rows === null && !loadError ? <p role="status">Loading invitations…</p> : null}
      <ErrorText message={loadError} />
      {rows ? (
        <>
          <p className="text-sm text-slate-800">{rows.length} {rows.length === 1 ? 'invitation' : 'invitations'}, {open} open.</p>
          <DataTable caption="Invitations" columns={columns} data={rows} getRowId={(r) => r.id} empty="No invitations yet."
            rowClassName={(r) => (r.status === 'open' ? '' : 'text-slate-700')} />
        </>
      ) : null}
      <ConfirmDialog open={withdrawing !== null} title="Withdraw this invitation?" confirmLabel="Withdraw" danger busy={busy} error={dialogError}
        onConfirm={() => void withdraw()} onCancel={() => { if (!busy) setWithdrawing(null) }}>
        <p>{withdrawing ? `The link sent to ${withdrawing.email} stops working. You can invite them again later.` : null}</p>
      </ConfirmDialog>
    </AdminSection>
  )
}
