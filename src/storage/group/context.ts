import { createContext, useContext } from 'react'
import type { GroupClient } from './client.ts'

export const GroupClientContext = createContext<GroupClient | null>(null)

/** The group server's client; only under the group app (standalone mode has none). */
export function useGroupClient(): GroupClient {
  const client = useContext(GroupClientContext)
  if (!client) throw new Error('useGroupClient needs a GroupClientProvider above it')
  return client
}
