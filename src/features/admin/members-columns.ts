import { createElement } from 'react'
import type { Member } from '../../group-api/index.ts'
import { DateCell, MemberActionsCell, NameCell, RoleCell, StatusCell, TwoFactorCell } from './member-cells.tsx'
import { adminColumnHelper, type AdminColumns } from './table-features.ts'

const helper = adminColumnHelper<Member>()

/** The members table: who, role (changeable), state, two-factor, dates, actions. */
export const memberColumns = helper.columns([
  helper.display({ id: 'name', header: 'Name', cell: ({ row }) => createElement(NameCell, { member: row.original }) }),
  helper.accessor('email', { header: 'Email' }),
  // Keyed by role: after a change is saved (or refused) the select starts again from the stored role.
  helper.display({ id: 'role', header: 'Role', cell: ({ row }) => createElement(RoleCell, { key: row.original.role, member: row.original }) }),
  helper.display({ id: 'status', header: 'Status', cell: ({ row }) => createElement(StatusCell, { member: row.original }) }),
  helper.display({ id: 'twoFactor', header: 'Two-factor', cell: ({ row }) => createElement(TwoFactorCell, { member: row.original }) }),
  helper.display({ id: 'lastSignIn', header: 'Last sign-in', cell: ({ row }) => createElement(DateCell, { iso: row.original.lastSignInAt }) }),
  helper.display({ id: 'joined', header: 'Joined', cell: ({ row }) => createElement(DateCell, { iso: row.original.joinedAt }) }),
  helper.display({ id: 'actions', header: 'Actions', cell: ({ row }) => createElement(MemberActionsCell, { member: row.original }) }),
]) as AdminColumns<Member>
