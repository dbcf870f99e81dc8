import { createContext, useContext } from 'react'

/** What the practice shares that not everyone may change (group mode: the server decides, by role). */
export type SharedData = 'payer-profiles' | 'coverage-settings' | 'ndc-list' | 'charge-settings' | 'reference-files'

/** For each kind of shared data: null when the signed-in person may change it, else why not, in words. */
export type ChangeRefusal = (what: SharedData) => string | null

/** The standalone app: whoever uses this browser changes its own data. */
const ANYONE: ChangeRefusal = () => null

/** Who may change the practice's shared data; the group app provides it from the signed-in role. */
export const ChangeRightsContext = createContext<ChangeRefusal>(ANYONE)

/** Null when the current person may change `what`; otherwise the sentence to show instead of the controls. */
export function useChangeRefusal(what: SharedData): string | null {
  return useContext(ChangeRightsContext)(what)
}
