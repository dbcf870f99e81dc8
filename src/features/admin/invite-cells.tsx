import { Button } from '../../components/button.tsx'
import type { InviteRow } from './invite-columns.ts'

export function InviteActionsCell({ invite, onWithdraw }: { invite: InviteRow; onWithdraw: (invite: InviteRow) => void }) {
  if (invite.status !== 'open') return null
  return <Button size="sm" onClick={() => onWithdraw(invite)}>Withdraw<span className="sr-only"> the invitation for {invite.email}</span></Button>
}
