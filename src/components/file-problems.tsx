/**
 * A file that was refused: what happened ("x.csv cannot be imported. Nothing was written.") and
 * every problem found, as an alert. Every import screen refuses a file the same way.
 */
export function FileProblems({ summary, listLabel, problems, more = 0 }: {
  summary: string
  /** The list's accessible name, e.g. "Problems in the file". */
  listLabel: string
  problems: readonly string[]
  /** Problems found beyond those listed. */
  more?: number
}) {
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{summary}</p>
      <ul aria-label={listLabel} className="mt-1 list-disc pl-5 text-sm">
        {problems.map((text, i) => <li key={i}>{text}</li>)}
        {more > 0 ? <li>…and {more} more</li> : null}
      </ul>
    </div>
  )
}
