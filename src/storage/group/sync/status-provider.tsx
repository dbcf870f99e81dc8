import type { ReactNode } from 'react'
import type { SyncStatusStore } from './status.ts'
import { SyncStatusContext } from './status-context.ts'

export function SyncStatusProvider({ status, children }: { status: SyncStatusStore; children: ReactNode }) {
  return <SyncStatusContext value={status}>{children}</SyncStatusContext>
}
