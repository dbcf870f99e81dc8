import { memo, useCallback, useId, useState } from 'react'
import type { Side, SpinalLevel } from '../../../domain/index.ts'
import { Button } from '../../../components/button.tsx'
import { Field, inputClass } from '../../../components/field.tsx'
import type { LevelValues } from '../model/index.ts'
import { formatLevelText, levelGroups, parseLevelText, setLevelSide, type LevelGroup } from './levels.ts'

export interface SpineLevelPickerProps {
  /** Names the whole group, e.g. "Levels" or "Joints". */
  legend: string
  value: readonly LevelValues[]
  onChange: (levels: LevelValues[]) => void
  /** One level at most: picking a level replaces the one before. */
  single?: boolean
  /** Offer "No side" (level without a documented side) on every row. */
  allowNoSide?: boolean
  hint?: string
  error?: string | undefined
}

type Choice = 'none' | 'left' | 'right' | 'bilateral' | 'unsided'

const choiceText: Readonly<Record<Choice, string>> = { none: 'None', left: 'Left', right: 'Right', bilateral: 'Both', unsided: 'No side' }
const sideWords: Readonly<Record<Side | '', string>> = { left: 'left', right: 'right', bilateral: 'both sides', '': 'side not documented' }

function choiceOf(entry: LevelValues | undefined): Choice {
  if (!entry) return 'none'
  return entry.side === '' ? 'unsided' : entry.side
}

function sideOf(choice: Choice): Side | '' | null {
  if (choice === 'none') return null
  return choice === 'unsided' ? '' : choice
}

const noneClass = 'border-slate-300 bg-white text-slate-700 peer-checked:bg-slate-200 peer-checked:text-slate-900'
const sideClass = 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100 peer-checked:border-brand-800 peer-checked:bg-brand-700 peer-checked:text-white peer-checked:hover:bg-brand-800'
const optionClass = 'inline-flex min-h-8 min-w-8 cursor-pointer items-center justify-center rounded border px-1.5 text-sm peer-checked:font-bold peer-checked:underline peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-focus'

interface LevelRowProps {
  level: SpinalLevel
  baseId: string
  current: Choice
  allowNoSide: boolean
  onSelect: (level: SpinalLevel, choice: Choice) => void
}

const LevelRow = memo(function LevelRow({ level, baseId, current, allowNoSide, onSelect }: LevelRowProps) {
  const choices: Choice[] = allowNoSide || current === 'unsided' ? ['none', 'unsided', 'left', 'right', 'bilateral'] : ['none', 'left', 'right', 'bilateral']
  const labelId = `${baseId}-${level}`
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="flex items-start gap-1">
      <span id={labelId} className="w-14 shrink-0 pt-1.5 text-sm font-medium tabular-nums text-slate-900">{level}</span>
      <div className="flex flex-wrap gap-1">
        {choices.map((c) => (
          <label key={c} className="relative">
            <input
              type="radio"
              name={`${baseId}-${level}-side`}
              value={c}
              checked={current === c}
              onChange={() => onSelect(level, c)}
              className="peer sr-only"
            />
            <span className={`${optionClass} ${c === 'none' ? noneClass : sideClass}`}>
              <span className="sr-only">{level} </span>{choiceText[c]}
            </span>
          </label>
        ))}
      </div>
    </div>
  )
})

export function SpineLevelPicker({ legend, value, onChange, single = false, allowNoSide = false, hint, error }: SpineLevelPickerProps) {
  const baseId = useId()
  const byLevel = new Map(value.map((l) => [l.level, l]))
  const countIn = (g: LevelGroup) => g.levels.filter((l) => byLevel.has(l)).length
  const [open, setOpen] = useState(() => Object.fromEntries(
    levelGroups.map((g) => [g.id, g.id !== 'thoracic' || countIn(g) > 0]),
  ) as Record<LevelGroup['id'], boolean>)
  const [text, setText] = useState('')
  const [textError, setTextError] = useState<string | undefined>()

  const select = useCallback((level: SpinalLevel, choice: Choice) => onChange(setLevelSide(value, level, sideOf(choice), single)), [value, onChange, single])

  const applyText = () => {
    const { levels, errors } = parseLevelText(text)
    if (errors.length > 0) return setTextError(`${errors.join('. ')}. Write levels like "L4-L5 B, L5-S1 R".`)
    if (single && levels.length > 1) return setTextError('Only one level here.')
    setTextError(undefined)
    onChange(levels)
    setOpen((o) => ({ ...o, ...Object.fromEntries(levelGroups.filter((g) => g.levels.some((l) => levels.some((v) => v.level === l))).map((g) => [g.id, true])) }))
  }

  const describedBy = [hint ? `${baseId}-hint` : null, error ? `${baseId}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded border border-slate-300 p-3" aria-describedby={describedBy}>
      <legend className="px-1 text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p id={`${baseId}-hint`} className="text-xs text-slate-600">{hint}</p> : null}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(min(19rem,100%),1fr))] items-start gap-x-4 gap-y-2">
        {levelGroups.map((g) => (
          <details
            key={g.id}
            open={open[g.id]}
            onToggle={(e) => { const isOpen = e.currentTarget.open; setOpen((o) => (o[g.id] === isOpen ? o : { ...o, [g.id]: isOpen })) }}
            className="rounded border border-slate-200"
          >
            <summary className="flex min-h-8 cursor-pointer items-center gap-2 px-2 text-sm font-medium text-slate-800">
              {g.label} <span className="font-normal text-slate-600">({g.levels[0]} to {g.levels[g.levels.length - 1]}){countIn(g) > 0 ? `, ${countIn(g)} selected` : ''}</span>
            </summary>
            <div className="flex flex-col gap-1 p-2" role="group" aria-label={`${g.label} levels`}>
              {g.levels.map((level) => (
                <LevelRow key={level} level={level} baseId={baseId} current={choiceOf(byLevel.get(level))} allowNoSide={allowNoSide} onSelect={select} />
              ))}
            </div>
          </details>
        ))}
      </div>
      <p className="text-sm text-slate-900" aria-live="polite">
        {value.length === 0 ? 'No level selected.' : `Selected: ${value.map((l) => `${l.level} ${sideWords[l.side]}`).join(', ')}`}
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <Field
          label={`${legend}: type instead`}
          hint={`Like "${single ? 'L4-L5' : 'L4-L5 B, L5-S1 R'}" (L left, R right, B both, no letter: side not documented). Replaces the selection.`}
          error={textError}
          className="min-w-0 flex-1"
        >
          <input
            className={inputClass}
            value={text}
            placeholder={value.length > 0 ? formatLevelText(value) : 'L4-L5 B, L5-S1 R'}
            spellCheck={false}
            autoCapitalize="characters"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); applyText() } }}
          />
        </Field>
        <Button size="sm" onClick={applyText} className="mt-6 min-h-8">Apply</Button>
      </div>
      {error ? <p id={`${baseId}-error`} className="text-xs font-medium text-red-700">{error}</p> : null}
    </fieldset>
  )
}
