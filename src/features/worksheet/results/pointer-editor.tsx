import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Button } from '../../../components/button.tsx'
import { lineName, MAX_POINTERS, POINTER_LETTERS, type ClaimLine, type PointerLetter } from '../../../domain/index.ts'
import { isChosen, type PointerEditing } from './pointer-lines.ts'

interface PointerEditorProps {
  id: string
  line: ClaimLine
  editing: PointerEditing
  onClose: () => void
}

/**
 * Checkboxes A to L for the claim's diagnoses. Ticking adds a diagnosis at the end of the line's
 * pointers, unticking takes it out; at least one and at most four. Every change applies at once.
 */
export function PointerEditor({ id, line, editing, onClose }: PointerEditorProps) {
  const [letters, setLetters] = useState<PointerLetter[]>(() => [...(line.pointers ?? [])])
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => { first.current?.focus() }, [])
  const name = lineName(line.code, line.modifiers)
  const legendId = `${id}-legend`

  const toggle = (letter: PointerLetter, on: boolean) => {
    const next = on ? [...letters.filter((l) => l !== letter), letter] : letters.filter((l) => l !== letter)
    if (next.length === 0 || next.length > MAX_POINTERS) return
    setLetters(next)
    editing.onChange(line, next)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
    }
  }

  return (
    <fieldset id={id} aria-labelledby={legendId} onKeyDown={onKeyDown} className="flex flex-col gap-2 rounded border border-brand-200 bg-white p-2">
      <legend id={legendId} className="px-1 text-sm font-semibold text-slate-900">Diagnosis pointers for {name}</legend>
      {editing.diagnoses.length === 0 ? (
        <p className="text-sm text-slate-800">Enter a diagnosis first: the line points to the diagnoses by their letter.</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {editing.diagnoses.map((dx, i) => {
            const letter = POINTER_LETTERS[i]
            if (!letter) return null
            const checked = letters.includes(letter)
            const disabled = checked ? letters.length === 1 : letters.length >= MAX_POINTERS
            return (
              <li key={`${letter}-${dx}`}>
                <label className={`flex min-h-8 items-center gap-2 text-sm ${disabled && !checked ? 'text-slate-500' : 'text-slate-900'}`}>
                  <input ref={i === 0 ? first : undefined} type="checkbox" checked={checked} disabled={disabled}
                    onChange={(e) => toggle(letter, e.target.checked)} className="h-4 w-4" />
                  <span className="font-mono font-bold">{letter}</span>
                  <span className="font-mono">{dx}</span>
                  {checked ? <span className="text-xs text-slate-700">(pointer {letters.indexOf(letter) + 1})</span> : null}
                </label>
              </li>
            )
          })}
        </ul>
      )}
      <p className="text-xs text-slate-700" aria-live="polite">
        Points to {letters.length > 0 ? letters.join(', ') : 'nothing'}, in this order. At least 1 and at most {MAX_POINTERS}; a new tick goes last.
      </p>
      <div className="flex flex-wrap gap-2">
        {isChosen(line) ? <Button size="sm" onClick={() => { editing.onChange(line, null); onClose() }}>Use the default pointers</Button> : null}
        <Button size="sm" variant="primary" onClick={onClose}>Done</Button>
      </div>
    </fieldset>
  )
}
