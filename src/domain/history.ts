import { lookupCode } from './data/codes.ts'
import type { IsoDate } from './dates.ts'
import type { HistoryLine } from './schema.ts'
import type { ClaimLine } from './types.ts'
import type { EpiduralPurpose, Family, FacetPurpose, SpinalRegion } from './vocabulary.ts'

/**
 * Sessions from claim lines: one date of service is one session of a family in a
 * region (and purpose, where the family has one). KX marks a diagnostic facet line or
 * a diagnostic nerve root block, as practice-management exports carry no purpose.
 */

export type SessionPurpose = FacetPurpose | EpiduralPurpose | null

export interface Session {
  dateOfService: IsoDate
  family: Family
  region: SpinalRegion | null
  purpose: SessionPurpose
  providers: string[]
  codes: string[]
  source: 'history' | 'current'
}

const TRANSFORAMINAL = new Set(['64479', '64480', '64483', '64484'])

/** Purpose a claim line implies for its family, from the code and KX. */
export function purposeOfLine(family: Family, code: string, modifiers: readonly string[]): SessionPurpose {
  const kx = modifiers.includes('KX')
  if (family === 'facet-injection') return kx ? 'diagnostic' : 'therapeutic'
  if (family === 'epidural') return kx && TRANSFORAMINAL.has(code) ? 'diagnostic-nerve-root-block' : 'therapeutic'
  return null
}

interface SessionSourceLine {
  dateOfService: IsoDate
  code: string
  modifiers: readonly string[]
  providerId?: string | undefined
}

function addLines(into: Map<string, Session>, lines: Iterable<SessionSourceLine>, source: Session['source']): void {
  for (const line of lines) {
    const info = lookupCode(line.code)
    const family = info?.family
    if (!family) continue
    const region = family === 'trigger-point' ? null : (info.region ?? null)
    const purpose = purposeOfLine(family, line.code, line.modifiers)
    const key = `${line.dateOfService}|${family}|${region ?? '-'}|${purpose ?? '-'}`
    let session = into.get(key)
    if (!session) {
      session = { dateOfService: line.dateOfService, family, region, purpose, providers: [], codes: [], source }
      into.set(key, session)
    } else if (source === 'current') {
      session.source = 'current'
    }
    if (line.providerId && !session.providers.includes(line.providerId)) session.providers.push(line.providerId)
    if (!session.codes.includes(line.code)) session.codes.push(line.code)
  }
}

/**
 * Sessions of the history plus the current encounter's own lines. A history session on
 * the encounter's date in the same family and region is the same session, not another.
 */
export function deriveSessions(
  history: readonly HistoryLine[],
  current: { dateOfService: IsoDate; providerId: string; lines: readonly ClaimLine[] },
): Session[] {
  const sessions = new Map<string, Session>()
  addLines(sessions, history, 'history')
  addLines(
    sessions,
    current.lines
      .filter((l) => l.origin === 'procedure')
      .map((l) => ({ dateOfService: current.dateOfService, code: l.code, modifiers: l.modifiers, providerId: current.providerId })),
    'current',
  )
  return [...sessions.values()].sort((a, b) => (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : 0))
}
