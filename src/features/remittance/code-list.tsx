import { carcByCode, rarcByCode } from '../../domain/remittance/index.ts'

export interface ListedCode {
  code: string
  /** What the summary shows, e.g. "CO-4" for CARC 4 under group CO. */
  label: string
}

interface CodeListProps {
  kind: 'carc' | 'rarc'
  codes: readonly ListedCode[]
}

/** Reason (CARC) or remark (RARC) codes, each opening to its description from our tables. */
export function CodeList({ kind, codes }: CodeListProps) {
  if (codes.length === 0) return <><span aria-hidden="true">—</span><span className="sr-only">none</span></>
  return (
    <ul className="flex flex-col gap-1">
      {codes.map(({ code, label }) => {
        const entry = kind === 'carc' ? carcByCode.get(code) : rarcByCode.get(code)
        const description = entry?.shortDescription ?? (kind === 'carc' ? 'This reason code is not in our table; it counts under Other.' : 'This remark code is not in our table.')
        return (
          <li key={label}>
            <details>
              <summary className="cursor-pointer font-mono focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">{label}</summary>
              <p className="mt-1 max-w-xs text-xs text-slate-700">{description}</p>
            </details>
          </li>
        )
      })}
    </ul>
  )
}
