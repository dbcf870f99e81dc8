import type { Role } from '../../group-api/index.ts'
import type { NavItem } from '../app-shell.tsx'
import type { Route } from '../use-hash-route.ts'

const STAFF_NAV: readonly NavItem[] = ['drafts', 'patients', 'review', 'insights', 'remittances', 'charges', 'training', 'history-import', 'ncci-tables', 'settings', 'data']

/** What each server role sees in the navigation (the server answers the same way). */
export function navItemsFor(role: Role): readonly NavItem[] {
  if (role === 'trainee') return ['training']
  if (role === 'admin') return [...STAFF_NAV, 'admin']
  return STAFF_NAV
}

/** Whether `role` may open `route`: trainees see training only, and the admin pages are for admins. */
export function allowsRoute(role: Role, route: Route): boolean {
  if (route.name === 'account' || route.name === 'sync') return true
  if (role === 'trainee') return route.name === 'training'
  if (route.name === 'admin') return role === 'admin'
  return true
}
