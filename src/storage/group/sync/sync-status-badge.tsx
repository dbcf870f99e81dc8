import { describeSyncStatus } from './status.ts'
import { useSyncStatus } from './status-context.ts'
import type { SyncStatus } from './types.ts'

function dotClass(status: SyncStatus): string {
  if (status.signedOut) return 'bg-slate-300'
  if (status.connection === 'offline') return 'bg-amber-300'
  if (status.connection === 'syncing') return 'bg-sky-300 motion-safe:animate-pulse'
  return 'bg-emerald-300'
}

const linkClass = 'rounded px-1 text-xs font-medium text-white underline hover:bg-brand-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white'

/**
 * The header's sync line: online or not, and what is still to be saved; with `changesHref`, a
 * link to the changes waiting while there are any.
 */
export function SyncStatusBadge({ changesHref }: { changesHref?: string }) {
  const status = useSyncStatus()
  const attention = status.needsAttention > 0
  const tone = attention ? 'border-amber-300 bg-amber-100 text-amber-950' : 'border-white/60 text-white'
  const waiting = status.pending + status.needsAttention > 0
  return (
    <div className="inline-flex flex-wrap items-center gap-2">
      <p role="status" aria-live="polite" className={`inline-flex items-center gap-2 rounded-full border px-2 py-0.5 text-xs font-medium ${tone}`}>
        <span aria-hidden="true" className={`inline-block size-2 rounded-full ${dotClass(status)}`} />
        <span>{describeSyncStatus(status)}</span>
      </p>
      {changesHref && waiting ? <a href={changesHref} className={linkClass}>Changes waiting</a> : null}
    </div>
  )
}
