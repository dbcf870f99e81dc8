import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { formatIcd10, normalizeIcd10, type Icd10CodeSet } from '../../../domain/icd10/index.ts'
import { inputClass } from '../../../components/field.tsx'

const SHOWN = 8

interface Option { code: string; display: string; text: string; billable: boolean }

interface DiagnosisComboboxProps {
  codeSet: Icd10CodeSet
  value: string
  registration: UseFormRegisterReturn
  onPick: (display: string) => void
  id?: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
}

/**
 * The diagnosis field with the code set of the date of service: an ARIA combobox whose listbox
 * offers codes matching what was typed (code or words), or a header code's billable codes.
 */
export function DiagnosisCombobox({ codeSet, value, registration, onPick, id, 'aria-describedby': describedBy, 'aria-invalid': invalid }: DiagnosisComboboxProps) {
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const query = value.trim()
  const status = useMemo(() => (query ? codeSet.index.status(normalizeIcd10(query)) : null), [codeSet, query])
  const options = useMemo<Option[]>(() => {
    if (!query) return []
    if (status?.status === 'header') {
      return codeSet.index.childrenOf(status.code.code, SHOWN).map((c) => ({ code: c.code, display: formatIcd10(c.code), text: c.long, billable: true }))
    }
    if (status?.status === 'billable') return []
    return codeSet.index.search(query, SHOWN).map((m) => ({ code: m.code.code, display: m.display, text: m.code.long, billable: m.code.billable }))
  }, [codeSet, query, status])
  const expanded = open && options.length > 0
  const optionId = (i: number) => `${listId}-option-${i}`

  const pick = (option: Option) => {
    onPick(option.display)
    setActive(-1)
    // A header picked from the search opens its billable codes; a billable code closes the list.
    setOpen(!option.billable)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setOpen(true)
      setActive((a) => (options.length === 0 ? -1 : (a + 1) % options.length))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(true)
      setActive((a) => (options.length === 0 ? -1 : a <= 0 ? options.length - 1 : a - 1))
    } else if (e.key === 'Enter') {
      const option = expanded && active >= 0 ? options[active] : undefined
      if (option) { e.preventDefault(); pick(option) }
    } else if (e.key === 'Escape') {
      if (expanded) e.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }

  const described = status?.status === 'billable' ? status.code.long
    : status?.status === 'header' ? `${formatIcd10(status.code.code)} ${status.code.long}: needs more characters; pick one of its billable codes.`
      : null

  return (
    <div className="relative">
      <input
        {...registration}
        id={id}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={[describedBy, described ? `${listId}-status` : null].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid}
        className={`${inputClass} w-full uppercase`}
        autoComplete="off"
        spellCheck={false}
        placeholder="M54.16 or words"
        onChange={(e) => { void registration.onChange(e); setOpen(true); setActive(-1) }}
        onBlur={(e) => { void registration.onBlur(e); setOpen(false) }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {described ? (
        <p id={`${listId}-status`} className={`mt-1 text-xs ${status?.status === 'header' ? 'font-medium text-amber-900' : 'text-slate-700'}`}>{described}</p>
      ) : null}
      <ul id={listId} role="listbox" aria-label="Matching ICD-10-CM codes" hidden={!expanded}
        className="absolute z-20 mt-1 max-h-72 w-[min(32rem,90vw)] overflow-y-auto rounded border border-slate-400 bg-white text-sm shadow-lg">
        {expanded ? options.map((o, i) => (
          <li key={o.code} id={optionId(i)} role="option" aria-selected={i === active}
            className={`cursor-pointer px-2 py-1 ${i === active ? 'bg-brand-800 text-white' : 'text-slate-900 hover:bg-slate-100'}`}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => { e.preventDefault(); pick(o) }}>
            <span className="font-mono font-semibold">{o.display}</span> {o.text}{o.billable ? '' : ' (needs more characters)'}
          </li>
        )) : null}
      </ul>
    </div>
  )
}
