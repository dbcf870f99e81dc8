import { useId } from 'react'
import { SeverityBadge } from '../../../components/severity-badge.tsx'
import { builtInPayerProfiles, lookupCode, rulesById } from '../../../domain/index.ts'
import type { ComputedKey } from './author-model.ts'

const profileName = (id: string) => builtInPayerProfiles.find((p) => p.id === id)?.name ?? id

/** The answer key the rule module gives the facts now, as the case will store it. */
export function AnswerKeyPanel({ computed, today }: { computed: ComputedKey | null; today: string }) {
  const id = useId()
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-3">
      <h3 id={`${id}-heading`} className="font-semibold text-brand-800">Answer key</h3>
      {!computed ? (
        <p className="text-sm text-slate-700">Enter complete facts and a real date the key is computed for to see the answer key.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Computed by the rule module for {today} with the built-in payer profiles and without NCCI tables, like every practice case.
          </p>
          {computed.unknownProfile !== null ? (
            <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
              The facts use the payer profile &ldquo;{computed.unknownProfile}&rdquo;, which is not built in: this key is computed under{' '}
              {profileName(computed.result.payerProfileId)} and reports the error PAYER-PROFILE-UNKNOWN. Pick a built-in payer profile
              to save the case.
            </p>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="text-left font-medium text-slate-800">Claim lines ({computed.key.lines.length})</caption>
              <thead>
                <tr className="border-b border-slate-300"><th scope="col" className="py-1 pr-2">Code</th><th scope="col" className="py-1 pr-2">Modifiers</th><th scope="col" className="py-1">Units</th></tr>
              </thead>
              <tbody>
                {computed.key.lines.length === 0 ? (
                  <tr><td colSpan={3} className="py-1 text-slate-600">No claim lines.</td></tr>
                ) : computed.key.lines.map((line, i) => (
                  <tr key={i} className="border-b border-slate-200 align-top">
                    <td className="py-1 pr-2"><span className="font-mono">{line.code}</span>{lookupCode(line.code) ? <span className="block text-xs text-slate-600">{lookupCode(line.code)?.label}</span> : null}</td>
                    <td className="py-1 pr-2 font-mono">{line.modifiers.length > 0 ? line.modifiers.join(' ') : '—'}</td>
                    <td className="py-1">{line.units}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="text-left font-medium text-slate-800">Findings ({computed.key.findings.length})</caption>
              <thead>
                <tr className="border-b border-slate-300"><th scope="col" className="py-1 pr-2">Severity</th><th scope="col" className="py-1 pr-2">Rule</th><th scope="col" className="py-1">Title</th></tr>
              </thead>
              <tbody>
                {computed.key.findings.length === 0 ? (
                  <tr><td colSpan={3} className="py-1 text-slate-600">No findings.</td></tr>
                ) : computed.key.findings.map((finding, i) => (
                  <tr key={i} className="border-b border-slate-200 align-top">
                    <td className="py-1 pr-2"><SeverityBadge severity={finding.severity} /></td>
                    <td className="py-1 pr-2 font-mono break-all">{finding.ruleId}</td>
                    <td className="py-1">{rulesById.get(finding.ruleId)?.title ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
