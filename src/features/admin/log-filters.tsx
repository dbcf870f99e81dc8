import type { ReactNode } from 'react'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import type { Member } from '../../group-api/index.ts'
import type { DayRange } from './admin-model.ts'

/** The filter bar of a log: its fields, then From/To days and "Show". */
export function LogFilters({ children, range, onRange, onSubmit, problem }: {
  children: ReactNode
  range: DayRange
  onRange: (range: DayRange) => void
  onSubmit: () => void
  problem: string | null
}) {
  return (
    <form noValidate className="flex flex-wrap items-start gap-3 rounded border border-brand-200 bg-white p-4" onSubmit={(e) => { e.preventDefault(); onSubmit() }}>
      {children}
      <Field label="From" error={problem ?? undefined}>
        <input type="date" className={inputClass} value={range.from} onChange={(e) => onRange({ ...range, from: e.target.value })} />
      </Field>
      <Field label="To">
        <input type="date" className={inputClass} value={range.to} onChange={(e) => onRange({ ...range, to: e.target.value })} />
      </Field>
      <div className="self-end"><Button type="submit" variant="primary">Show</Button></div>
    </form>
  )
}

/** "Person": everyone, or one member. */
export function PersonSelect({ people, value, onChange }: { people: readonly Member[]; value: string; onChange: (userId: string) => void }) {
  return (
    <Field label="Person">
      <select className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Everyone</option>
        {people.map((p) => <option key={p.userId} value={p.userId}>{p.name} ({p.email})</option>)}
      </select>
    </Field>
  )
}
