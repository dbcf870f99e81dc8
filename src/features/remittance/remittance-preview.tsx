import type { EncounterForMatching, Remittance, RemittanceMatchResult } from '../../domain/remittance/index.ts'
import { DeniedLinesTable } from './denied-lines-table.tsx'
import { formatCents, MATCH_METHOD_LABELS, plural } from './model.ts'

interface RemittancePreviewProps {
  remittances: readonly Remittance[]
  match: RemittanceMatchResult
  encounters: ReadonlyMap<string, EncounterForMatching>
}

/** What a file holds and how it matched, before anything is stored. */
export function RemittancePreview({ remittances, match, encounters }: RemittancePreviewProps) {
  const matched = match.claims.filter((c) => c.encounterId !== null)
  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="p-2 text-left font-medium text-slate-800">Payments in the file</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">Payer</th>
              <th scope="col" className="p-2">Check or EFT number</th>
              <th scope="col" className="p-2">Payment date</th>
              <th scope="col" className="p-2 text-right">Amount</th>
              <th scope="col" className="p-2 text-right">Claims</th>
            </tr>
          </thead>
          <tbody>
            {remittances.map((r, i) => (
              <tr key={i} className="border-b border-slate-200">
                <td className="p-2">{r.payerName}{r.payerId ? <span className="text-slate-600"> ({r.payerId})</span> : null}</td>
                <td className="p-2 font-mono break-all">{r.checkOrEftNumber}</td>
                <td className="p-2 whitespace-nowrap">{r.paymentDate}</td>
                <td className="p-2 text-right tabular-nums">{formatCents(r.paymentAmount)}</td>
                <td className="p-2 text-right tabular-nums">{r.claims.length.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-label="Matching to encounters" className="flex flex-col gap-2">
        <p className="font-medium">
          {matched.length.toLocaleString('en-US')} of {plural(match.claims.length, 'claim')} matched to finalized encounters
          {match.unmatchedClaims.length > 0 ? `; ${match.unmatchedClaims.length.toLocaleString('en-US')} not matched.` : '.'}
        </p>
        {matched.length > 0 ? (
          <details>
            <summary className="cursor-pointer text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">Matched claims</summary>
            <ul aria-label="Matched claims" className="list-disc pl-5 text-sm">
              {matched.map((c, i) => (
                <li key={i}>Claim <span className="font-mono">{c.patientControlNumber}</span>: encounter <span className="font-mono">{c.encounterId}</span>{c.method ? `, ${MATCH_METHOD_LABELS[c.method]}` : ''}</li>
              ))}
            </ul>
          </details>
        ) : null}
        {match.unmatchedClaims.length > 0 ? (
          <ul aria-label="Claims not matched" className="list-disc pl-5 text-sm text-slate-800">
            {match.unmatchedClaims.map((c, i) => (
              <li key={i}>Claim <span className="font-mono">{c.patientControlNumber}</span> (payer claim {c.payerClaimNumber}): {c.reason}</li>
            ))}
          </ul>
        ) : null}
        {match.unmatchedLines.length > 0 ? (
          <ul aria-label="Service lines not matched" className="list-disc pl-5 text-sm text-slate-800">
            {match.unmatchedLines.map((l, i) => (
              <li key={i}>Claim <span className="font-mono">{l.patientControlNumber}</span>, line {l.remittanceLineIndex + 1} ({[l.code, ...l.modifiers].join(' ')}): {l.reason}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <DeniedLinesTable denials={match.denials} encounters={encounters} />
    </div>
  )
}
