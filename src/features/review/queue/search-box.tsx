import { useEffect, useEffectEvent, useState } from 'react'
import { inputClass } from '../../../components/field.tsx'

const DEBOUNCE_MS = 200

/**
 * The queue's global search. Typing stays local and is sent after a short pause, so each key
 * does not refilter 100,000 lines; a value changed from outside (Clear filters, a link) replaces the text.
 */
export function SearchBox({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value)
  const [seen, setSeen] = useState(value)
  const [sent, setSent] = useState(value)
  if (value !== seen) {
    setSeen(value)
    if (value !== sent) {
      setText(value)
      setSent(value)
    }
  }
  const send = useEffectEvent((next: string) => { setSent(next); onChange(next) })
  useEffect(() => {
    if (text === sent) return
    const timer = setTimeout(() => send(text), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, sent])

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">Search lines</label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false}
        aria-describedby={`${id}-hint`} className={`${inputClass} w-64`} />
      <p id={`${id}-hint`} className="text-xs text-slate-600">Patient account, code, rule or finding text.</p>
    </div>
  )
}
