import { createElement } from 'react'
import { ROLE_LABELS, type Invite } from '../../group-api/index.ts'
import { INVITE_STATUS_LABELS, type InviteStatus } from './admin-model.ts'
import { InviteActionsCell } from './invite-cells.tsx'
import { DateCell } from './member-cells.tsx'
import { adminColumnHelper, type AdminColumns } from './table-features.ts'

export interface InviteRow extends Invite {
  status: InviteStatus
}

const helper = adminColumnHelper<InviteRow>()

/** The invitations table; `onWithdraw` asks before withdrawing an open invitation. */
export function inviteColumns(onWithdraw: (invite: InviteRow) => void): AdminColumns<InviteRow> {
  return helper.columns([
    helper.accessor('email', { header: 'Email' }),
    helper.display({ id: 'role', header: 'Role', cell: ({ row }) => ROLE_LABELS[row.original.role] }),
    helper.display({ id: 'status', header: 'Status', cell: ({ row }) => INVITE_STATUS_LABELS[row.original.status] }),
    helper.accessor('createdByName', { header: 'Invited by' }),
    helper.display({ id: 'created', header: 'Created', cell: ({ row }) => createElement(DateCell, { iso: row.original.createdAt }) }),
    helper.display({ id: 'expires', header: 'Expires', cell: ({ row }) => createElement(DateCell, { iso: row.original.expiresAt }) }),
    helper.display({ id: 'accepted', header: 'Accepted', cell: ({ row }) => createElement(DateCell, { iso: row.original.acceptedAt, none: '—' }) }),
    helper.display({ id: 'actions', header: 'Actions', cell: ({ row }) => createElement(InviteActionsCell, { invite: row.original, onWithdraw }) }),
  ]) as AdminColumns<InviteRow>
}
