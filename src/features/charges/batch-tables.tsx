import { describeExports, type HeldEncounter, type ReadyEncounter } from './batch.ts'

interface ReadyTableProps {
  ready: readonly ReadyEncounter[]
  selected: ReadonlySet<string>
  onToggle: (encounterId: string) => void
}

export function ReadyTable({ ready, selected, onToggle }: ReadyTableProps) {
  if (ready.length === 0) return <p>No encounter is ready to export.</p>
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">Encounters ready to export</caption>
      <thead>
        <tr className="border-b text-left">
          <th className="p-2" scope="col">Export</th><th className="p-2" scope="col">Patient</th><th className="p-2" scope="col">Date of service</th>
          <th className="p-2" scope="col">Payer</th><th className="p-2" scope="col">Lines</th><th className="p-2" scope="col">Exported before</th>
        </tr>
      </thead>
      <tbody>
        {ready.map(({ candidate: { record }, exports }) => (
          <tr key={record.id} className="border-b">
            <td className="p-2">
              <input type="checkbox" aria-label={`Export ${record.patientId} ${record.dateOfService}`} checked={selected.has(record.id)} onChange={() => onToggle(record.id)} />
            </td>
            <td className="p-2">{record.patientId}</td>
            <td className="p-2">{record.dateOfService}</td>
            <td className="p-2">{record.payerProfile}</td>
            <td className="p-2">{record.lines.length}</td>
            <td className="p-2">{exports.length === 0 ? 'Never' : describeExports(exports)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Ready encounters not offered again because they were exported before: who exported them, and when. */
export function ExportedTable({ exported }: { exported: readonly ReadyEncounter[] }) {
  if (exported.length === 0) return null
  return (
    <table className="mt-2 w-full border-collapse text-sm">
      <caption className="sr-only">Ready encounters exported before</caption>
      <thead>
        <tr className="border-b text-left"><th className="p-2" scope="col">Patient</th><th className="p-2" scope="col">Date of service</th><th className="p-2" scope="col">Exported</th></tr>
      </thead>
      <tbody>
        {exported.map(({ candidate: { record }, exports }) => (
          <tr key={record.id} className="border-b"><td className="p-2">{record.patientId}</td><td className="p-2">{record.dateOfService}</td><td className="p-2">{describeExports(exports)}</td></tr>
        ))}
      </tbody>
    </table>
  )
}

export function HeldTable({ held }: { held: readonly HeldEncounter[] }) {
  if (held.length === 0) return null
  return (
    <section aria-labelledby="charges-held">
      <h3 id="charges-held" className="mt-6 font-semibold">Held back ({held.length})</h3>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b text-left"><th className="p-2" scope="col">Patient</th><th className="p-2" scope="col">Date of service</th><th className="p-2" scope="col">Why</th></tr>
        </thead>
        <tbody>
          {held.map(({ candidate: { record }, reason }) => (
            <tr key={record.id} className="border-b"><td className="p-2">{record.patientId}</td><td className="p-2">{record.dateOfService}</td><td className="p-2">{reason}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function LinePreview({ ready }: { ready: readonly ReadyEncounter[] }) {
  if (ready.length === 0) return null
  return (
    <section aria-labelledby="charges-preview">
      <h3 id="charges-preview" className="mt-6 font-semibold">Lines to export</h3>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b text-left">
            <th className="p-2" scope="col">Patient</th><th className="p-2" scope="col">Date of service</th><th className="p-2" scope="col">Code</th>
            <th className="p-2" scope="col">Modifiers</th><th className="p-2" scope="col">Units</th><th className="p-2" scope="col">NDC</th>
          </tr>
        </thead>
        <tbody>
          {ready.flatMap(({ candidate: { record } }) => record.lines.map((line, i) => (
            <tr key={`${record.id}:${i}`} className="border-b">
              <td className="p-2">{record.patientId}</td><td className="p-2">{record.dateOfService}</td><td className="p-2">{line.code}</td>
              <td className="p-2">{line.modifiers.join(' ')}</td><td className="p-2">{line.units}</td>
              <td className="p-2">{line.ndc ? [line.ndc.ndc11, line.ndc.quantity, line.ndc.unit].filter((v) => v !== null).join(' ') : ''}</td>
            </tr>
          )))}
        </tbody>
      </table>
    </section>
  )
}
