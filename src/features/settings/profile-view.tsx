import { bilateralFormatLabels, placeOfServiceLabels, type PayerProfile } from '../../domain/index.ts'
import { EditedMarker, LimitView } from './limit-view.tsx'
import { BILATERAL_SETTINGS, coverageLabels, describeRepeatedLines, describeValue, ndcRequirementLabels, settingLabels } from './profile-labels.ts'

interface ProfileViewProps {
  profile: PayerProfile
  /** For a custom profile, the profile it was copied from: edited values are marked against it. */
  original: PayerProfile | undefined
}

const cell = 'border-b border-slate-200 px-2 py-1 text-left align-top [overflow-wrap:anywhere]'

/** Every value of a payer profile with its source. */
export function ProfileView({ profile, original }: ProfileViewProps) {
  const coverage = Object.entries(profile.coverage) as [string, { value: string | number | boolean | null; effectiveFrom: string | null; source: string }][]
  const pa = profile.opdPriorAuthorization
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <p className="text-sm"><strong>Kind:</strong> {profile.kind === 'medicare' ? 'Medicare' : 'Commercial'} · <strong>Id:</strong> <span className="font-mono">{profile.id}</span></p>
      {profile.description ? <p className="text-sm text-slate-800">{profile.description}</p> : null}

      <section aria-label="Bilateral format" className="flex flex-col gap-2">
        <h5 className="font-semibold text-slate-900">Bilateral format</h5>
        <ul className="flex flex-col gap-2 text-sm">
          {BILATERAL_SETTINGS.map((s) => {
            const rule = profile.bilateral[s]
            const was = original?.bilateral[s]
            return (
              <li key={s} className="min-w-0 rounded border border-slate-200 p-2">
                <p><strong>{settingLabels[s]}:</strong> {bilateralFormatLabels[rule.format]} · {rule.verified ? 'Verified' : 'Not verified'}</p>
                {was && was.format !== rule.format ? <EditedMarker was={[bilateralFormatLabels[was.format]]} /> : null}
                <p className="text-slate-700 [overflow-wrap:anywhere]">Source: {rule.source}</p>
              </li>
            )
          })}
        </ul>
      </section>

      <section aria-label="Claim lines" className="flex flex-col gap-2">
        <h5 className="font-semibold text-slate-900">Claim lines</h5>
        <ul className="flex flex-col gap-2 text-sm">
          <li className="min-w-0 rounded border border-slate-200 p-2">
            <p><strong>Repeated lines (same code and modifiers):</strong> {describeRepeatedLines(profile.repeatedLines)}</p>
            {original && describeRepeatedLines(original.repeatedLines) !== describeRepeatedLines(profile.repeatedLines) ? <EditedMarker was={[describeRepeatedLines(original.repeatedLines)]} /> : null}
            <p className="text-slate-700 [overflow-wrap:anywhere]">Source: {profile.repeatedLines.source}</p>
          </li>
          <li className="min-w-0 rounded border border-slate-200 p-2">
            <p><strong>NDC on drug lines:</strong> {ndcRequirementLabels[profile.ndc.required]}</p>
            {original && original.ndc.required !== profile.ndc.required ? <EditedMarker was={[ndcRequirementLabels[original.ndc.required]]} /> : null}
            <p className="text-slate-700 [overflow-wrap:anywhere]">Source: {profile.ndc.source}</p>
          </li>
        </ul>
      </section>

      <section aria-label="Frequency limits" className="flex flex-col gap-2">
        <h5 className="font-semibold text-slate-900">Frequency limits ({profile.frequencyLimits.length})</h5>
        {profile.frequencyLimits.length === 0 ? <p className="text-sm">No frequency limit.</p> : (
          <ul className="flex flex-col gap-2">
            {profile.frequencyLimits.map((l) => (
              <LimitView key={l.id} limit={l} original={original ? original.frequencyLimits.find((o) => o.id === l.id) : undefined} />
            ))}
          </ul>
        )}
        {original ? original.frequencyLimits.filter((o) => !profile.frequencyLimits.some((l) => l.id === o.id)).map((o) => (
          <p key={o.id} className="text-sm text-amber-950">Removed by the practice: {o.id} ({o.limit} sessions).</p>
        )) : null}
      </section>

      <section aria-label="Coverage" className="flex min-w-0 flex-col gap-2">
        <h5 className="font-semibold text-slate-900">Coverage</h5>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-sm">
            <caption className="sr-only">Coverage values of {profile.name}</caption>
            <thead><tr><th scope="col" className={cell}>Coverage item</th><th scope="col" className={cell}>Value</th><th scope="col" className={cell}>Since</th><th scope="col" className={cell}>Source</th></tr></thead>
            <tbody>
              {coverage.map(([key, c]) => (
                <tr key={key}><th scope="row" className={`${cell} font-medium`}>{coverageLabels[key] ?? key}</th><td className={cell}>{describeValue(c.value)}</td><td className={cell}>{c.effectiveFrom ?? '—'}</td><td className={cell}>{c.source}</td></tr>
              ))}
              <tr><th scope="row" className={`${cell} font-medium`}>Betamethasone (J0702) mg per unit</th><td className={cell}>{profile.betamethasoneMgPerUnit.value} mg</td><td className={cell}>{profile.betamethasoneMgPerUnit.effectiveFrom ?? '—'}</td><td className={cell}>{profile.betamethasoneMgPerUnit.source}</td></tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-label="OPD prior authorization" className="flex flex-col gap-2 text-sm">
        <h5 className="font-semibold text-slate-900">OPD prior authorization</h5>
        {pa === null ? <p>Not required by this profile.</p> : (
          <>
            <p>From {pa.effectiveFrom} at {pa.places.map((p) => `${p} (${placeOfServiceLabels[p]})`).join(', ')}.</p>
            <p className="[overflow-wrap:anywhere]">Codes: {pa.codes.map((c) => `${c.code} from ${c.from}${c.to ? ` to ${c.to}` : ''}`).join('; ')}.</p>
            <p className="text-slate-700 [overflow-wrap:anywhere]">Source: {pa.source}</p>
          </>
        )}
      </section>
    </div>
  )
}
