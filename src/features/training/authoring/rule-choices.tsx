import { useId } from 'react'
import { rulesById } from '../../../domain/index.ts'

interface RuleChoicesProps {
  /** The rules the author may choose from: the key's, then the source case's others. */
  options: readonly string[]
  selected: ReadonlySet<string>
  onToggle: (ruleId: string, checked: boolean) => void
  error: string | null
}

/** Which rules the case is about: every rule of the key ticked by default. */
export function RuleChoices({ options, selected, onToggle, error }: RuleChoicesProps) {
  const id = useId()
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">Rules the case is about</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Every rule of the answer key (its findings and the coding rules of its lines) is ticked; untick those the case is not about.
        At least one must stay ticked.
      </p>
      {options.length === 0 ? <p className="text-sm text-slate-700">The answer key names no rule yet.</p> : (
        <ul className="flex flex-col gap-1">
          {options.map((ruleId) => (
            <li key={ruleId}>
              <label className="inline-flex min-h-6 items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={selected.has(ruleId)} onChange={(e) => onToggle(ruleId, e.target.checked)} />
                <span><span className="font-mono">{ruleId}</span> — {rulesById.get(ruleId)?.title ?? 'not a rule of the rule module'}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error ? <p id={`${id}-error`} className="text-xs font-medium text-red-700">{error}</p> : null}
    </fieldset>
  )
}
