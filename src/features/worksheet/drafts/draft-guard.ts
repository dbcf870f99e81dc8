import type { DraftRecord, WorksheetStore } from '../../../storage/index.ts'

/**
 * Keeps one tab from saving over a newer version of its draft written by another tab.
 *
 * The store tells every tab when drafts change. After each change the guard reads the open
 * draft back and compares it with the versions this tab wrote (or loaded): a version this tab
 * never wrote means another tab changed the draft; no draft at all means another tab
 * finalized or deleted it. From then on the guarded store refuses to save that draft (and to
 * keep its closing-page backup), so this tab can only load the newer version.
 *
 * Versions are compared whole, not by `updatedAt` alone: two tabs can write in the same
 * millisecond (and do, under a test's fixed clock).
 */

export type DraftGuardState =
  | { status: 'current' }
  | { status: 'changed' }
  | { status: 'removed'; finalized: boolean }

/** Why a guarded save was refused. */
export class DraftConflictError extends Error {
  constructor(state: DraftGuardState, refused: 'saved' | 'finalized' = 'saved') {
    super(state.status === 'removed'
      ? `Not ${refused}: this draft was ${state.finalized ? 'finalized' : 'deleted'} in another tab.`
      : `Not ${refused}: this draft was changed in another tab.`)
    this.name = 'DraftConflictError'
  }
}

export interface DraftGuard {
  /** The store with this draft's saves guarded; every other call goes straight through. */
  readonly store: WorksheetStore
  readonly getState: () => DraftGuardState
  /** For useSyncExternalStore. */
  readonly subscribe: (listener: () => void) => () => void
  /** Stops watching the store; saves still go through the guard. */
  readonly dispose: () => void
}

/** Versions of the draft this tab wrote that may still be what is stored. */
const KEPT_VERSIONS = 20
const CURRENT: DraftGuardState = { status: 'current' }

const versionOf = (d: DraftRecord) => JSON.stringify(d)

export function createDraftGuard(inner: WorksheetStore, draftId: string, loaded: DraftRecord | undefined): DraftGuard {
  const mine: string[] = loaded ? [versionOf(loaded)] : []
  let stored = loaded !== undefined
  let patientId = loaded?.patientId ?? ''
  let ending = false
  let state: DraftGuardState = CURRENT
  let checks = 0
  const listeners = new Set<() => void>()

  const set = (next: DraftGuardState) => {
    if (state.status !== 'current' || ending) return
    state = next
    for (const l of listeners) l()
  }
  const remember = (draft: DraftRecord) => {
    mine.push(versionOf(draft))
    if (mine.length > KEPT_VERSIONS) mine.shift()
    if (draft.patientId) patientId = draft.patientId
  }
  // A check that overlaps a save of this tab may have read the store before that save landed.
  let saving = 0
  let saves = 0

  /** What the stored draft says about this tab's version; null when it is this tab's own. */
  const judge = async (current: DraftRecord | undefined): Promise<DraftGuardState | null> => {
    if (current) return mine.includes(versionOf(current)) ? null : { status: 'changed' }
    if (!stored) return null
    const finalized = patientId ? (await inner.listEncounters(patientId)).some((e) => e.id === draftId) : false
    return { status: 'removed', finalized }
  }

  const check = async () => {
    const run = ++checks
    const before = saves
    const verdict = await judge(await inner.getDraft(draftId))
    if (run === checks && before === saves && saving === 0 && verdict) set(verdict)
  }

  /** This tab finalizing or deleting its own draft is no news to report; a failed attempt changes nothing. */
  const endOwnDraft = async (id: string | null, write: () => Promise<void>) => {
    if (id !== draftId) return write()
    ending = true
    try { await write() } catch (e) { ending = false; throw e }
  }

  const unsubscribe = inner.subscribe((tables) => {
    if (state.status === 'current' && !ending && tables.includes('drafts')) check().catch(() => undefined)
  })

  const store: WorksheetStore = Object.create(inner, {
    saveDraft: {
      value: async (draft: DraftRecord) => {
        if (draft.id !== draftId) return inner.saveDraft(draft)
        if (state.status !== 'current') throw new DraftConflictError(state)
        // Read just before writing: the notice of another tab's write may still be on its way.
        const verdict = await judge(await inner.getDraft(draftId))
        if (verdict) { set(verdict); throw new DraftConflictError(verdict) }
        remember(draft)
        saving++
        saves++
        try {
          await inner.saveDraft(draft)
          stored = true
        } finally {
          saving--
          saves++
        }
      },
    },
    backupDraftNow: {
      value: (draft: DraftRecord) => { if (draft.id !== draftId || state.status === 'current') inner.backupDraftNow(draft) },
    },
    finalize: {
      value: (encounter: Parameters<WorksheetStore['finalize']>[0], id: string | null, audit?: Parameters<WorksheetStore['finalize']>[2]) => {
        // A stale tab must not finalize its old version over the newer one another tab wrote.
        if (id === draftId && state.status !== 'current') return Promise.reject(new DraftConflictError(state, 'finalized'))
        return endOwnDraft(id, () => inner.finalize(encounter, id, audit))
      },
    },
    deleteDraft: {
      value: (id: string) => endOwnDraft(id, () => inner.deleteDraft(id)),
    },
  }) as WorksheetStore

  return {
    store,
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    dispose: unsubscribe,
  }
}
