import { useEffect, useId, useRef } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import type { ProcedureType } from '../../../domain/index.ts'
import { Button } from '../../../components/button.tsx'
import { newProcedureValues, type FormIssue, type WorksheetValues } from '../model/index.ts'
import { ProcedureCard } from './procedure-card.tsx'

export interface AddProcedureRequest {
  type: ProcedureType
  /** A new number for each request (e.g. from a keyboard shortcut); the same nonce is added once. */
  nonce: number
}

export interface ProceduresSectionProps {
  issues?: readonly FormIssue[]
  /** Appends a procedure each time the nonce changes after mount. */
  addRequest?: AddProcedureRequest | null
}

const addButtons: readonly { type: ProcedureType; label: string }[] = [
  { type: 'trigger-point', label: 'Add trigger point' },
  { type: 'facet-injection', label: 'Add facet injection' },
  { type: 'facet-rfa', label: 'Add RFA' },
  { type: 'epidural', label: 'Add epidural' },
]

export function ProceduresSection({ issues = [], addRequest = null }: ProceduresSectionProps) {
  const { control } = useFormContext<WorksheetValues>()
  const { fields, append, remove, move } = useFieldArray({ control, name: 'procedures' })
  const sectionId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const pendingFocus = useRef<string | null>(null)
  const handledNonce = useRef<number | null>(addRequest?.nonce ?? null)

  useEffect(() => {
    if (!addRequest || addRequest.nonce === handledNonce.current) return
    handledNonce.current = addRequest.nonce
    append(newProcedureValues(addRequest.type))
  }, [addRequest, append])

  useEffect(() => {
    if (pendingFocus.current === null) return
    const target = pendingFocus.current === 'heading' ? headingRef.current : document.getElementById(pendingFocus.current)
    pendingFocus.current = null
    target?.focus()
  })

  const moveTo = (from: number, to: number, prefix: string) => {
    pendingFocus.current = `${prefix}-${to === 0 ? 'down' : to === fields.length - 1 ? 'up' : to < from ? 'up' : 'down'}`
    move(from, to)
  }

  return (
    <section aria-labelledby={`${sectionId}-heading`} className="flex min-w-0 flex-col gap-3">
      <h2 id={`${sectionId}-heading`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-brand-800">
        Procedures
      </h2>
      {fields.length === 0 ? <p className="text-sm text-slate-700">No procedure yet: add one below.</p> : null}
      <ol className="flex flex-col gap-4">
        {fields.map((field, index) => {
          const prefix = `${sectionId}-${field.key || field.id}`
          return (
            <li key={field.key || field.id}>
              <ProcedureCard
                index={index}
                count={fields.length}
                issues={issues}
                idPrefix={prefix}
                onMoveUp={() => moveTo(index, index - 1, prefix)}
                onMoveDown={() => moveTo(index, index + 1, prefix)}
                onRemove={() => { pendingFocus.current = 'heading'; remove(index) }}
              />
            </li>
          )
        })}
      </ol>
      <div role="group" aria-label="Add procedure" className="flex flex-wrap gap-2">
        {addButtons.map((b) => (
          <Button key={b.type} className="min-h-8" onClick={() => append(newProcedureValues(b.type))}>{b.label}</Button>
        ))}
      </div>
    </section>
  )
}
