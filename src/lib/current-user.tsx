import { createContext, useContext } from 'react'
import type { UserRecord } from '../storage/types.ts'

export interface CurrentUser {
  /** The profile chosen in this page load; null until the chooser has been answered. */
  user: UserRecord | null
  /** Null returns the app to the user chooser. */
  setUser: (user: UserRecord | null) => void
}

const NO_PROVIDER: CurrentUser = { user: null, setUser: () => undefined }

/** Who is using the app, so every action can be recorded under them. */
export const CurrentUserContext = createContext<CurrentUser>(NO_PROVIDER)

export function useCurrentUser(): CurrentUser {
  return useContext(CurrentUserContext)
}
