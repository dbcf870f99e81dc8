import { familyLabels } from '../../../domain/index.ts'
import { levelLabels } from '../level-labels.ts'
import type { ImportRow } from './case-file-model.ts'


function StatusText({ row }: { row: ImportRow }) {
  const status = row.status
  return (
    <>
      {status.kind === 'new' ? 'New' : null}
      {status.kind === 'replaces' ? <>Replaces your case &ldquo;{status.title}&rdquo;</> : null}
      {status.kind === 'shipped' ? <span className="font-medium text-red-800">Refused: the id of a case that ships with the app</span> : null}
      {row.keyUpdated ? <span className="block text-amber-900">Answer key updated to today&apos;s rule module</span> : null}
    </>
  )
}

/** What the import would do to each case of the file. */
export function ImportPreviewTable({ rows, fileName }: { rows: readonly ImportRow[]; fileName: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="text-left font-medium text-slate-800">Cases in {fileName} ({rows.length})</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {['Id', 'Title', 'Level', 'Families', 'On import'].map((h) => <th key={h} scope="col" className="py-1 pr-2">{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.case.id} className="border-b border-slate-200 align-top">
              <td className="py-1 pr-2 font-mono break-all">{row.case.id}</td>
              <td className="py-1 pr-2">{row.case.title}</td>
              <td className="py-1 pr-2">{levelLabels[row.case.level]}</td>
              <td className="py-1 pr-2">{row.case.families.map((f) => familyLabels[f]).join(', ')}</td>
              <td className="py-1"><StatusText row={row} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
