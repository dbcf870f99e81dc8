import { percentText } from './progress-format.ts'

/** A 0..100 figure written out, with a bar beside it for a quick look (the text carries the meaning). */
export function ScoreBar({ value }: { value: number | null }) {
  return (
    <span className="flex items-center gap-2">
      <span className="w-10 shrink-0 text-right tabular-nums">{percentText(value)}</span>
      <span aria-hidden="true" className="hidden h-2 w-24 overflow-hidden rounded-sm border border-slate-400 bg-white sm:block">
        <span className="block h-full bg-brand-700" style={{ width: `${Math.max(0, Math.min(100, value ?? 0))}%` }} />
      </span>
    </span>
  )
}
