import { useMemo, useState } from 'react'
import { trainingHref } from '../routes.ts'
import { localDateOf } from './local-date.ts'
import { countText, percentText, ruleTitle } from './progress-format.ts'
import type { TraineeSummary } from './progress-model.ts'

type SortKey = 'name' | 'attempts' | 'cases' | 'averagePercent' | 'lastAttemptAt' | 'currentDayStreak'
interface Sort { key: SortKey; descending: boolean }

const COLUMNS: readonly { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Name', numeric: false },
  { key: 'attempts', label: 'Attempts', numeric: true },
  { key: 'cases', label: 'Cases', numeric: true },
  { key: 'averagePercent', label: 'Average', numeric: true },
  { key: 'lastAttemptAt', label: 'Last attempt', numeric: false },
  { key: 'currentDayStreak', label: 'Day streak', numeric: true },
]

/** Rows by the column; people without a figure (no attempt yet) last either way, then by name. */
function sortRows(rows: readonly TraineeSummary[], { key, descending }: Sort): TraineeSummary[] {
  const value = (r: TraineeSummary) => r[key]
  return [...rows].sort((a, b) => {
    const [va, vb] = [value(a), value(b)]
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb))
    return (descending ? -order : order) || a.name.localeCompare(b.name) || (a.userId < b.userId ? -1 : 1)
  })
}

const roleNote = (role: TraineeSummary['role']) => (role === 'trainee' ? null : role === null ? 'profile removed' : role)
const cell = 'px-2 py-1.5 align-top'
const focusRing = 'focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus'

/** The supervisor's table: one row per person, each linking to their progress; columns sort on their header buttons. */
export function TraineeTable({ rows }: { rows: readonly TraineeSummary[] }) {
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false })
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort])
  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'name' }))

  return (
    <div className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="px-2 py-2 text-left font-medium text-slate-800">
          Every trainee, and anyone else who has practised: {countText(rows.length, 'person', 'people')}. Sorted by {COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase()}, {sort.descending ? 'highest or latest first' : 'lowest or earliest first'}.
        </caption>
        <thead className="bg-slate-100 text-left text-slate-900">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined} className={`${cell} font-semibold ${c.numeric ? 'text-right' : ''}`}>
                <button type="button" onClick={() => toggle(c.key)} className={`inline-flex items-center gap-1 rounded underline-offset-2 hover:underline ${focusRing}`}>
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? '▼' : '▲') : '↕'}</span>
                </button>
              </th>
            ))}
            <th scope="col" className={`${cell} font-semibold`}>Most missed rule</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const note = roleNote(r.role)
            return (
              <tr key={r.userId} className="border-t border-slate-200">
                <th scope="row" className={`${cell} text-left font-normal`}>
                  <a href={trainingHref({ view: 'progress', userId: r.userId })} className={`font-medium text-brand-700 underline ${focusRing}`}>{r.name}</a>
                  {note && <span className="block text-xs text-slate-700">{note}</span>}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{r.attempts}</td>
                <td className={`${cell} text-right tabular-nums`}>{r.cases}</td>
                <td className={`${cell} text-right tabular-nums`}>{percentText(r.averagePercent)}</td>
                <td className={`${cell} tabular-nums`}>{r.lastAttemptAt === null ? 'none yet' : localDateOf(r.lastAttemptAt) ?? r.lastAttemptAt}</td>
                <td className={`${cell} text-right tabular-nums`}>{countText(r.currentDayStreak, 'day')}</td>
                <td className={cell}>
                  {r.topMissed ? (
                    <>
                      <a href={trainingHref({ view: 'rules', ruleId: r.topMissed.ruleId })} className={`font-mono text-brand-700 underline ${focusRing}`} title={ruleTitle(r.topMissed.ruleId) ?? undefined}>{r.topMissed.ruleId}</a>
                      <span className="text-slate-700"> missed {r.topMissed.missed} of {r.topMissed.inKey}</span>
                    </>
                  ) : <span className="text-slate-700">none missed</span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
