import { lookupCode } from './data/codes.ts'
import type { IsoDate } from './dates.ts'
import type { HistoryLine } from './schema.ts'
import type { ClaimLine } from './types.ts'
import { PROCEDURE_TYPES, SPINAL_REGIONS, type EpiduralPurpose, type Family, type FacetPurpose, type SpinalRegion } from './vocabulary.ts'

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

type FamilyLists = ReadonlyMap<Family, readonly Session[]>

/**
 * Sessions by family, each list sorted by date (then region and purpose). The history's
 * lists are shared and never mutated; the encounter's own sessions lie over them, and a
 * history session they merged with is shadowed.
 */
export interface SessionIndex {
  history: FamilyLists
  current: FamilyLists
  shadowed: ReadonlySet<Session>
}

const TRANSFORAMINAL = new Set(['64479', '64480', '64483', '64484'])

/** Purpose a claim line implies for its family, from the code and KX. */
export function purposeOfLine(family: Family, code: string, modifiers: readonly string[]): SessionPurpose {
  const kx = modifiers.includes('KX')
  if (family === 'facet-injection') return kx ? 'diagnostic' : 'therapeutic'
  if (family === 'epidural') return kx && TRANSFORAMINAL.has(code) ? 'diagnostic-nerve-root-block' : 'therapeutic'
  return null
}

interface CodeSessionInfo {
  family: Family
  region: SpinalRegion | null
  withKx: { purpose: SessionPurpose; key: string }
  withoutKx: { purpose: SessionPurpose; key: string }
}

// Derived once per code from the static catalog, so a history line costs two map lookups.
const sessionInfoByCode = new Map<string, CodeSessionInfo | null>()

function sessionInfo(code: string): CodeSessionInfo | null {
  let info = sessionInfoByCode.get(code)
  if (info !== undefined) return info
  const catalog = lookupCode(code)
  const family = catalog?.family
  if (!family) {
    info = null
  } else {
    const region = family === 'trigger-point' ? null : (catalog.region ?? null)
    const variant = (kx: boolean) => {
      const purpose = purposeOfLine(family, code, kx ? ['KX'] : [])
      return { purpose, key: `${family}|${region ?? '-'}|${purpose ?? '-'}` }
    }
    info = { family, region, withKx: variant(true), withoutKx: variant(false) }
  }
  sessionInfoByCode.set(code, info)
  return info
}

interface SessionSourceLine {
  dateOfService: IsoDate
  code: string
  modifiers: readonly string[]
  providerId?: string | undefined
}

const familyRank = new Map<string, number>(PROCEDURE_TYPES.map((f, i) => [f, i]))
const regionRank = new Map<string | null, number>([[null, -1], ...SPINAL_REGIONS.map((r, i): [string, number] => [r, i])])

function compareSessions(a: Session, b: Session): number {
  if (a.dateOfService !== b.dateOfService) return a.dateOfService < b.dateOfService ? -1 : 1
  return (familyRank.get(a.family) ?? 0) - (familyRank.get(b.family) ?? 0) ||
    (regionRank.get(a.region) ?? 0) - (regionRank.get(b.region) ?? 0) ||
    String(a.purpose).localeCompare(String(b.purpose))
}

/** Groups lines into sessions keyed by date, family, region and purpose. Providers and codes come out sorted. */
function groupLines(lines: Iterable<SessionSourceLine>, source: Session['source']): Session[] {
  const byDate = new Map<string, Map<string, Session>>()
  const out: Session[] = []
  for (const line of lines) {
    const info = sessionInfo(line.code)
    if (!info) continue
    const variant = line.modifiers.includes('KX') ? info.withKx : info.withoutKx
    let sameDay = byDate.get(line.dateOfService)
    if (!sameDay) { sameDay = new Map(); byDate.set(line.dateOfService, sameDay) }
    let session = sameDay.get(variant.key)
    if (!session) {
      session = { dateOfService: line.dateOfService, family: info.family, region: info.region, purpose: variant.purpose, providers: [], codes: [], source }
      sameDay.set(variant.key, session)
      out.push(session)
    }
    if (line.providerId && !session.providers.includes(line.providerId)) session.providers.push(line.providerId)
    if (!session.codes.includes(line.code)) session.codes.push(line.code)
  }
  for (const s of out) { s.providers.sort(); s.codes.sort() }
  return out
}

function indexByFamily(sessions: Session[]): Map<Family, Session[]> {
  const index = new Map<Family, Session[]>()
  for (const s of sessions) {
    const list = index.get(s.family)
    if (list) list.push(s)
    else index.set(s.family, [s])
  }
  for (const list of index.values()) list.sort(compareSessions)
  return index
}

// Inputs are values: a history array is derived once and reused while the coder edits the
// encounter. The length guards against an array grown in place.
const historyCache = new WeakMap<readonly HistoryLine[], { length: number; index: Map<Family, Session[]> }>()

/** The history's own sessions, indexed by family; cached per history array. */
export function historySessionIndex(history: readonly HistoryLine[]): FamilyLists {
  const cached = historyCache.get(history)
  if (cached && cached.length === history.length) return cached.index
  const index = indexByFamily(groupLines(history, 'history'))
  historyCache.set(history, { length: history.length, index })
  return index
}

function sameKey(a: Session, b: Session): boolean {
  return a.dateOfService === b.dateOfService && a.family === b.family && a.region === b.region && a.purpose === b.purpose
}

function mergeInto(base: Session, current: Session): Session {
  return {
    ...base,
    source: 'current',
    providers: [...new Set([...base.providers, ...current.providers])].sort(),
    codes: [...new Set([...base.codes, ...current.codes])].sort(),
  }
}

/**
 * Sessions of the history plus the current encounter's own lines. A history session on
 * the encounter's date in the same family, region and purpose is the same session, not
 * another one.
 */
export function deriveSessions(
  history: readonly HistoryLine[],
  current: { dateOfService: IsoDate; providerId: string; lines: readonly ClaimLine[] },
): SessionIndex {
  const base = historySessionIndex(history)
  const currentSessions = groupLines(
    current.lines
      .filter((l) => l.origin === 'procedure')
      .map((l) => ({ dateOfService: current.dateOfService, code: l.code, modifiers: l.modifiers, providerId: current.providerId })),
    'current',
  )
  const overlay = new Map<Family, Session[]>()
  const shadowed = new Set<Session>()
  for (const session of currentSessions) {
    const list = base.get(session.family) ?? []
    let merged = session
    for (let i = firstAfter(list, session.dateOfService) - 1; i >= 0 && list[i]?.dateOfService === session.dateOfService; i--) {
      const same = list[i]
      if (!sameKey(same, session)) continue
      merged = mergeInto(same, session)
      shadowed.add(same)
    }
    const mine = overlay.get(session.family)
    if (mine) mine.push(merged)
    else overlay.set(session.family, [merged])
  }
  for (const list of overlay.values()) list.sort(compareSessions)
  return { history: base, current: overlay, shadowed }
}

/** Calls `visit` for each session of a family dated after `after`, in date order, until it returns false. */
export function forEachSessionAfter(index: SessionIndex, family: Family, after: IsoDate, visit: (s: Session) => boolean): void {
  const history = index.history.get(family) ?? []
  const current = index.current.get(family) ?? []
  let c = 0
  while (c < current.length && (current[c]).dateOfService <= after) c++
  for (let h = firstAfter(history, after); h < history.length; h++) {
    const s = history[h]
    while (c < current.length && compareSessions(current[c], s) <= 0) if (!visit(current[c++])) return
    if (index.shadowed.has(s)) continue
    if (!visit(s)) return
  }
  while (c < current.length) if (!visit(current[c++])) return
}

/** Index of the first session dated after `date` in a date-sorted list. */
export function firstAfter(sessions: readonly Session[], date: IsoDate): number {
  let lo = 0
  let hi = sessions.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sessions[mid]).dateOfService <= date) lo = mid + 1
    else hi = mid
  }
  return lo
}
