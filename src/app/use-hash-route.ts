import { useCallback, useEffect, useState } from 'react'

export type Route =
  | { name: 'worksheet'; draftId: string }
  | { name: 'drafts' }
  | { name: 'history-import' }
  | { name: 'ncci-tables' }
  | { name: 'diagnosis-lists' }
  | { name: 'patients' }
  | { name: 'patient'; patientId: string }
  | { name: 'settings' }
  | { name: 'data' }
  /** The review queue; `query` holds its filters as URL search parameters ('' for none). */
  | { name: 'review'; query: string }
  | { name: 'insights' }
  | { name: 'remittances' }
  /** Charge export to the practice-management system (HL7 DFT^P03, CSV). */
  | { name: 'charges' }
  /** Training mode (practice cases, rule library, progress, authoring); `path` is what follows #/training, read by the training pages. */
  | { name: 'training'; path: string }
  | { name: 'new' }
  /** Group server only: the first-run setup link the server prints, and an invitation link. */
  | { name: 'setup'; token: string }
  | { name: 'invite'; token: string }
  /** Group server only: the signed-in person's account, and the admin pages (`path` follows #/admin). */
  | { name: 'account' }
  | { name: 'admin'; path: string }
  /** Group server only: this device's changes the server has not saved yet. */
  | { name: 'sync' }

/** Reads the app route from the location hash; other hashes (such as #main for the skip link) keep the current route. */
export function parseRoute(hash: string, previous: Route = { name: 'new' }): Route {
  if (!hash.startsWith('#/')) return hash === '' ? { name: 'new' } : previous
  const [path = '', query = ''] = hash.slice(1).split('?', 2)
  const [, first, second] = path.split('/')
  if (first === 'review') {
    if (second === 'insights') return { name: 'insights' }
    if (second === 'remittances') return { name: 'remittances' }
    return { name: 'review', query }
  }
  if (first === 'drafts') return { name: 'drafts' }
  if (first === 'charges') return { name: 'charges' }
  if (first === 'history' && second === 'import') return { name: 'history-import' }
  if (first === 'reference' && second === 'ncci') return { name: 'ncci-tables' }
  if (first === 'reference' && second === 'diagnoses') return { name: 'diagnosis-lists' }
  if (first === 'patients') return second ? { name: 'patient', patientId: decodeURIComponent(second) } : { name: 'patients' }
  if (first === 'training') return { name: 'training', path: path.slice(9) }
  if (first === 'settings') return { name: 'settings' }
  if (first === 'data') return { name: 'data' }
  if (first === 'worksheet' && second) return { name: 'worksheet', draftId: decodeURIComponent(second) }
  if ((first === 'setup' || first === 'invite') && second) return { name: first, token: decodeURIComponent(second) }
  if (first === 'account') return { name: 'account' }
  if (first === 'admin') return { name: 'admin', path: path.slice(6) }
  if (first === 'sync') return { name: 'sync' }
  return { name: 'new' }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'worksheet': return `#/worksheet/${encodeURIComponent(route.draftId)}`
    case 'drafts': return '#/drafts'
    case 'history-import': return '#/history/import'
    case 'ncci-tables': return '#/reference/ncci'
    case 'diagnosis-lists': return '#/reference/diagnoses'
    case 'patients': return '#/patients'
    case 'patient': return `#/patients/${encodeURIComponent(route.patientId)}`
    case 'settings': return '#/settings'
    case 'data': return '#/data'
    case 'review': return route.query ? `#/review?${route.query}` : '#/review'
    case 'insights': return '#/review/insights'
    case 'remittances': return '#/review/remittances'
    case 'charges': return '#/charges'
    case 'training': return `#/training${route.path}`
    case 'new': return '#/'
    case 'setup': return `#/setup/${encodeURIComponent(route.token)}`
    case 'invite': return `#/invite/${encodeURIComponent(route.token)}`
    case 'account': return '#/account'
    case 'admin': return `#/admin${route.path}`
    case 'sync': return '#/sync'
  }
}

/** Routes that exist only with the group server; the standalone app opens a new worksheet instead. */
export const GROUP_ONLY_ROUTES: ReadonlySet<Route['name']> = new Set(['setup', 'invite', 'account', 'admin', 'sync'])

/** The current route, following the hash; navigate() pushes a history entry (replace for redirects). */
export function useHashRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute((prev) => parseRoute(window.location.hash, prev))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const href = hrefFor(next)
    if (options.replace) window.history.replaceState(null, '', href)
    else window.history.pushState(null, '', href)
    setRoute(next)
  }, [])
  return [route, navigate]
}
