import type { ReactNode } from 'react'
import type { GroupClient } from './client.ts'
import { GroupClientContext } from './context.ts'

export function GroupClientProvider({ client, children }: { client: GroupClient; children: ReactNode }) {
  return <GroupClientContext value={client}>{children}</GroupClientContext>
}
