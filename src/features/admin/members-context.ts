import { createContext, useContext } from 'react'
import type { Member, Role } from '../../group-api/index.ts'

export type MemberAction = 'deactivate' | 'reactivate' | 'reset-two-factor'

export interface MembersActions {
  /** The signed-in admin: they cannot change their own role or deactivate themselves. */
  currentUserId: string
  /** Resolves true when the server changed the role. */
  saveRole: (member: Member, role: Role) => Promise<boolean>
  /** Opens the confirmation of an action. */
  ask: (action: MemberAction, member: Member) => void
}

export const MembersActionsContext = createContext<MembersActions | null>(null)

export function useMembersActions(): MembersActions {
  const actions = useContext(MembersActionsContext)
  if (!actions) throw new Error('Member cells need the MembersActionsContext')
  return actions
}
