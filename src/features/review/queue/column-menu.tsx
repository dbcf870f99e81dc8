import { useId } from 'react'
import { QUEUE_COLUMNS, type QueueColumnId } from '../model/export.ts'
import { useDisclosure } from './use-disclosure.ts'

/** The "Columns" disclosure: a checkbox per data column; at least one stays shown. */
export function ColumnMenu({ hidden, onChange }: { hidden: readonly QueueColumnId[]; onChange: (hidden: QueueColumnId[]) => void }) {
  const id = useId()
  const { open, setOpen, root, button, onKeyDown } = useDisclosure()
  const shownCount = QUEUE_COLUMNS.length - hidden.length

  return (
    <div ref={root} className="relative" onKeyDown={onKeyDown}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1 rounded border border-slate-400 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">
        Columns{hidden.length > 0 ? ` (${hidden.length} hidden)` : ''}<span aria-hidden="true">▾</span>
      </button>
      <div id={`${id}-panel`} hidden={!open} className="absolute right-0 z-20 mt-1 w-60 rounded border border-slate-300 bg-white p-2 shadow-lg">
        {open ? (
          <fieldset className="flex flex-col">
            <legend className="mb-1 text-sm font-semibold text-slate-900">Shown columns</legend>
            {QUEUE_COLUMNS.map((c) => {
              const shown = !hidden.includes(c.id)
              return (
                <label key={c.id} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-900 hover:bg-slate-100">
                  <input type="checkbox" className="size-4 accent-brand-700" checked={shown} disabled={shown && shownCount === 1}
                    onChange={(e) => onChange(e.target.checked ? hidden.filter((h) => h !== c.id) : [...hidden, c.id])} />
                  {c.header}
                </label>
              )
            })}
          </fieldset>
        ) : null}
      </div>
    </div>
  )
}
