import { useId, useMemo, useState } from 'react'
import { inputClass } from '../../../components/field.tsx'
import { useDisclosure } from './use-disclosure.ts'

export interface FacetOption {
  value: string
  label: string
  /** Lines with this value once the other filters apply. */
  count: number
}

interface FacetFilterProps {
  title: string
  options: readonly FacetOption[]
  selected: readonly string[]
  onChange: (selected: string[]) => void
}

/** Options shown before the list offers a box to narrow it (rules and payers can be many). */
const NARROW_AFTER = 10

/**
 * A facet as a disclosure: a button that says how many values are picked, opening a list of
 * checkboxes with each value's line count. Escape or a click outside closes it.
 */
export function FacetFilter({ title, options, selected, onChange }: FacetFilterProps) {
  const id = useId()
  const { open, setOpen, root, button, onKeyDown } = useDisclosure()
  const [narrow, setNarrow] = useState('')

  const shown = useMemo(() => {
    const needle = narrow.trim().toLowerCase()
    return needle === '' ? options : options.filter((o) => o.label.toLowerCase().includes(needle) || o.value.toLowerCase().includes(needle))
  }, [options, narrow])
  const picked = new Set(selected)
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value))

  return (
    <div ref={root} className="relative" onKeyDown={onKeyDown}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}
        className={`inline-flex items-center gap-1 rounded border px-2 py-1 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus ${selected.length > 0 ? 'border-brand-700 bg-brand-50 text-brand-800' : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100'}`}>
        {title}
        {selected.length > 0 ? <span className="rounded bg-brand-700 px-1 text-xs text-white">{selected.length}<span className="sr-only"> selected</span></span> : null}
        <span aria-hidden="true">▾</span>
      </button>
      <div id={`${id}-panel`} hidden={!open}
        className="absolute left-0 z-20 mt-1 w-72 rounded border border-slate-300 bg-white p-2 shadow-lg">
        {open ? (
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-sm font-semibold text-slate-900">Filter by {title.toLowerCase()}</legend>
            {options.length > NARROW_AFTER ? (
              <input type="search" aria-label={`Find a ${title.toLowerCase()} value`} placeholder="Find a value" value={narrow}
                onChange={(e) => setNarrow(e.target.value)} className={`${inputClass} mb-1 text-sm`} autoComplete="off" />
            ) : null}
            <ul className="max-h-64 overflow-y-auto">
              {shown.map((o) => (
                <li key={o.value}>
                  <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-900 hover:bg-slate-100">
                    <input type="checkbox" className="size-4 accent-brand-700" checked={picked.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
                    <span className="flex-1 truncate">{o.label}</span>
                    <span className="tabular-nums text-slate-700">{o.count.toLocaleString('en-US')}<span className="sr-only"> lines</span></span>
                  </label>
                </li>
              ))}
              {shown.length === 0 ? <li className="px-1 text-sm text-slate-700">No value matches.</li> : null}
            </ul>
            {selected.length > 0 ? (
              <button type="button" onClick={() => onChange([])}
                className="mt-1 self-start text-sm font-medium text-brand-700 underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus">
                Clear {title.toLowerCase()} filter
              </button>
            ) : null}
          </fieldset>
        ) : null}
      </div>
    </div>
  )
}
