import { Button } from '../../../components/button.tsx'
import type { DraftGuardState } from './draft-guard.ts'

interface DraftConflictNoticeProps {
  state: Exclude<DraftGuardState, { status: 'current' }>
  onLoadNewer: () => void
  onOpenNew: () => void
}

/**
 * Says when another tab changed, finalized or deleted the draft open here, and what to do.
 * Loaded only when that happens (see DraftConflict in worksheet-route.tsx).
 */
export function DraftConflictNotice({ state, onLoadNewer, onOpenNew }: DraftConflictNoticeProps) {
  return (
    <div role="alert" className="mb-4 flex flex-wrap items-center gap-3 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950" data-print="hide">
      {state.status === 'changed' ? (
        <>
          <p><strong>This draft was changed in another tab.</strong> Changes made here since then are not saved.</p>
          <Button variant="primary" size="sm" onClick={onLoadNewer}>Load the newer version</Button>
        </>
      ) : (
        <>
          <p>
            <strong>This draft was {state.finalized ? 'finalized' : 'deleted'} in another tab.</strong>{' '}
            {state.finalized ? 'The encounter is in the ledger. ' : ''}Changes made here are not saved.
          </p>
          <Button size="sm" onClick={onOpenNew}>Open a new worksheet</Button>
        </>
      )}
    </div>
  )
}
