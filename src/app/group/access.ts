import { mayWriteKind } from '../../group-api/record-kinds.ts'
import { ROUTES, type Access, type Role } from '../../group-api/index.ts'
import type { ChangeRefusal, SharedData } from '../../lib/change-rights.ts'
import type { NavItem } from '../app-shell.tsx'
import type { Route } from '../use-hash-route.ts'

const STAFF_NAV: readonly NavItem[] = ['drafts', 'patients', 'review', 'insights', 'remittances', 'charges', 'training', 'history-import', 'ncci-tables', 'diagnosis-lists', 'settings', 'data']

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

const REFUSALS: Record<SharedData, string> = {
  'payer-profiles': 'Payer profiles are kept by the practice\'s supervisors and admins: you can view them and the worksheet uses them, but you cannot change them.',
  'coverage-settings': 'The coverage choices are kept by the practice\'s supervisors and admins: the worksheet uses the articles checked here, but you cannot change them.',
  'ndc-list': 'The NDC list is kept by the practice\'s supervisors and admins: the worksheet fills drug lines from it, but you cannot change it.',
  'charge-settings': 'The charge file settings are kept by the practice\'s supervisors and admins: every desk\'s charge files use them, but you cannot change them.',
  'reference-files': 'These files are loaded once for the whole group by an admin of the practice; every desk uses them. Ask an admin to load a newer file or remove one.',
}

/** What `role` may not change, as the server would refuse it (record kinds' writers; reference files: admins). */
export function changeRefusalFor(role: Role): ChangeRefusal {
  const may: Record<SharedData, boolean> = {
    'payer-profiles': mayWriteKind('payer-profile', role),
    'coverage-settings': mayWriteKind('coverage-settings', role),
    'ndc-list': mayWriteKind('ndc-list-entry', role),
    'charge-settings': mayWriteKind('charge-settings', role),
    'reference-files': accessAllows(ROUTES.uploadReference.access, role) && accessAllows(ROUTES.deleteReference.access, role),
  }
  return (what) => (may[what] ? null : REFUSALS[what])
}

const accessAllows = (access: Access, role: Role) => typeof access !== 'string' && access.includes(role)
