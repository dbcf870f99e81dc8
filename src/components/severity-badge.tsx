import type { Severity } from '../domain/index.ts'

const styles: Record<Severity, string> = {
  error: 'bg-red-100 text-red-900 border-red-300',
  warning: 'bg-amber-100 text-amber-900 border-amber-300',
  info: 'bg-sky-100 text-sky-900 border-sky-300',
}

const words: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  return (
    <span className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-semibold ${styles[severity]}`}>
      {words[severity]}{count === undefined ? '' : ` ${count}`}
    </span>
  )
}
