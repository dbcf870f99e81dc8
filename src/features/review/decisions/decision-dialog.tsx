import { useMemo, useRef, useState, type FormEvent } from 'react'
import { Button } from '../../../components/button.tsx'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { useStore } from '../../../storage/store-context.ts'
import type { DraftRecord, EncounterRecord } from '../../../storage/types.ts'
import type { DecisionAction, QueueRow } from '../model/types.ts'
import { applyDecision, DecisionWriteError, lineBlocker } from './apply-decision.ts'
import { NoteField, ReasonField } from './decision-fields.tsx'
import { noteRule, validateDecision, type DecisionFormErrors } from './decision-form.ts'
import { ACTION_WORDS, NOTE_LABELS, plural } from './decision-labels.ts'
import { DecisionLineList } from './decision-line-list.tsx'
import { Dialog } from '../../../components/dialog.tsx'

function scopeText(eligible: number, total: number, participle: string): string {
  if (eligible === total) return `${plural(total, 'line')} will be ${participle}.`
  if (eligible === 0) return `None of these lines can be ${participle}; the reasons are beside each line.`
  return `${eligible.toLocaleString('en-US')} of ${plural(total, 'line')} will be ${participle}; the others are marked below.`
}

export interface DecisionDialogProps {
  action: DecisionAction
  rows: readonly QueueRow[]
  encounters: ReadonlyMap<string, EncounterRecord>
  toReturnedDraft: (record: EncounterRecord, note: string, now: string) => DraftRecord
  onCancel: () => void
  onDone: (summary: string) => void
}

/** Approve, return, override or reopen one line or many, with the reason and note the decision needs. */
export function DecisionDialog({ action, rows, encounters, toReturnedDraft, onCancel, onDone }: DecisionDialogProps) {
  const store = useStore()
  const { user } = useCurrentUser()
  const words = ACTION_WORDS[action]
  const [reason, setReason] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<DecisionFormErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ReadonlyMap<string, string>>(new Map())
  const firstReason = useRef<HTMLInputElement>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)

  const isSupervisor = user?.role === 'supervisor'
  const blockers = useMemo(() => {
    const map = new Map<string, string>()
    if (user && isSupervisor) for (const row of rows) {
      const blocker = lineBlocker(row, action, user)
      if (blocker !== null) map.set(row.rowId, blocker)
    }
    return map
  }, [rows, action, user, isSupervisor])
  const eligible = rows.filter((r) => !blockers.has(r.rowId) && !done.has(r.rowId))
  const rule = noteRule(action, eligible, reason)
  const title = `${words.verb} ${plural(rows.length, 'line')}${action === 'return' ? ' to the coder' : ''}`
  const canSubmit = isSupervisor && eligible.length > 0 && !busy

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!user || !canSubmit) return
    const found = validateDecision(action, eligible, reason, note)
    setErrors(found)
    if (found.reason) { firstReason.current?.focus(); return }
    if (found.note) { noteRef.current?.focus(); return }
    setBusy(true)
    setFailure(null)
    try {
      const outcome = await applyDecision(store, {
        action, rows: rows.filter((r) => !done.has(r.rowId)), encounters, user, reason: action === 'override' ? reason : null, note,
        now: new Date().toISOString(), newId: () => crypto.randomUUID(), toReturnedDraft,
      })
      const earlier = done.size > 0 ? ` ${plural(done.size, 'line')} had been returned before the error.` : ''
      onDone(`${outcome.summary}${earlier}`)
    } catch (error) {
      if (error instanceof DecisionWriteError && error.applied.length > 0) {
        setDone((before) => new Map([...before, ...error.applied.map((r) => [r.rowId, 'Returned to the coder.'] as const)]))
      }
      setFailure(error instanceof Error ? error.message : String(error))
      setBusy(false)
    }
  }

  return (
    <Dialog open title={title} onClose={onCancel} busy={busy} initialFocus={action === 'override' ? firstReason : noteRef}>
      <form noValidate onSubmit={(e) => { void submit(e) }} className="flex flex-col gap-3">
        {!isSupervisor ? (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            Only a supervisor can {words.verb.toLowerCase()} lines.{' '}
            {user ? `You are signed in as ${user.name}, a ${user.role}.` : 'No user profile is chosen.'} Switch to a supervisor&apos;s profile to decide.
          </p>
        ) : null}
        {isSupervisor ? <p className="text-sm">{scopeText(eligible.length, rows.length, words.participle)}</p> : null}
        <DecisionLineList rows={rows} blockers={blockers} done={done} />
        {action === 'override' ? (
          <ReasonField value={reason} onChange={(r) => { setReason(r); setErrors((e) => ({ ...e, reason: undefined })) }} error={errors.reason} firstRef={firstReason} disabled={busy || !isSupervisor} />
        ) : null}
        <NoteField
          label={NOTE_LABELS[action]} value={note} onChange={(text) => { setNote(text); setErrors((e) => ({ ...e, note: undefined })) }} required={rule.required} hint={rule.hint}
          error={errors.note} noteRef={noteRef} disabled={busy || !isSupervisor}
        />
        {failure ? <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">{failure}</p> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onCancel} disabled={busy}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!canSubmit}>
            {busy ? 'Saving…' : `${words.verb} ${plural(eligible.length, 'line')}`}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
