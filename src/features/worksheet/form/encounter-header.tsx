import { useId } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { CLAIM_TYPES, PLACES_OF_SERVICE, PRIOR_AUTH_PATTERN, placeOfServiceLabels, type PlaceOfService } from '../../../domain/index.ts'
import { Button } from '../../../components/button.tsx'
import { Field, inputClass } from '../../../components/field.tsx'
import type { ProviderRecord } from '../../../storage/index.ts'
import type { FormIssue, WorksheetValues } from '../model/index.ts'
import { DiagnosesList } from './diagnoses-list.tsx'
import { issueFor } from './issue-for.ts'
import { claimTypeLabels } from './labels.ts'
import { SelectField } from './select-field.tsx'

export interface EncounterHeaderProps {
  providers: readonly ProviderRecord[]
  payerProfiles: readonly { id: string; name: string }[]
  issues: readonly FormIssue[]
  /** True when the payer profile asks for prior authorization for a procedure on the worksheet. */
  needsPriorAuth: boolean
  onManageProviders: () => void
}

const posLabels = Object.fromEntries(PLACES_OF_SERVICE.map((p) => [p, `${p} — ${placeOfServiceLabels[p]}`])) as Record<PlaceOfService, string>

export function EncounterHeader({ providers, payerProfiles, issues, needsPriorAuth, onManageProviders }: EncounterHeaderProps) {
  const headingId = useId()
  const { control, register } = useFormContext<WorksheetValues>()
  const [providerId, payerProfile, priorAuthorization] = useWatch({ control, name: ['providerId', 'payerProfile', 'priorAuthorization'] })
  const unknownProvider = providerId !== '' && !providers.some((p) => p.id === providerId)
  const unknownProfile = payerProfile !== '' && !payerProfiles.some((p) => p.id === payerProfile)
  const priorAuthText = priorAuthorization.trim()
  const showPriorAuth = needsPriorAuth || priorAuthorization !== ''
  const priorAuthFormat = priorAuthText !== '' && !PRIOR_AUTH_PATTERN.test(priorAuthText) ? 'Use 4 to 30 letters, digits or hyphens' : undefined
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold text-brand-800">Encounter</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Date of service" error={issueFor(issues, 'dateOfService')}>
          <input type="date" className={inputClass} {...register('dateOfService')} />
        </Field>
        <Field label="Patient account" hint="The account or chart number, never the patient's name." error={issueFor(issues, 'patientId')}>
          <input className={inputClass} autoComplete="off" spellCheck={false} maxLength={40} {...register('patientId')} />
        </Field>
        <div className="flex min-w-0 flex-col gap-1">
          <Field
            label="Rendering provider"
            hint={providers.length === 0 ? 'No provider saved yet: add one with Manage providers.' : undefined}
            error={issueFor(issues, 'providerId')}
          >
            <select className={inputClass} {...register('providerId')} value={providerId}>
              <option value="">Pick a provider</option>
              {providers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              {unknownProvider ? <option value={providerId}>{providerId} (not in the provider list)</option> : null}
            </select>
          </Field>
          <div>
            <Button size="sm" variant="ghost" className="min-h-8" onClick={onManageProviders}>Manage providers…</Button>
          </div>
        </div>
        <SelectField label="Place of service" name="placeOfService" options={PLACES_OF_SERVICE} labels={posLabels} error={issueFor(issues, 'placeOfService')} />
        <SelectField label="Claim type" name="claimType" options={CLAIM_TYPES} labels={claimTypeLabels} error={issueFor(issues, 'claimType')} />
        <Field label="Payer profile" error={issueFor(issues, 'payerProfile')}>
          {/* Custom profiles load after the form: a new option list remounts the select so that it shows the form's value. */}
          <select key={`${payerProfiles.map((p) => p.id).join(' ')}${unknownProfile ? ' ?' : ''}`} className={inputClass} {...register('payerProfile')}>
            {payerProfiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            {unknownProfile ? <option value={payerProfile}>{payerProfile} (profile not found)</option> : null}
          </select>
        </Field>
        {showPriorAuth ? (
          <Field
            label="Prior authorization / UTN"
            hint={needsPriorAuth
              ? 'This payer profile requires prior authorization for a procedure here at this place of service: enter the unique tracking number (UTN).'
              : 'Kept because a number was entered; this payer profile does not ask for one here.'}
            error={[priorAuthFormat, issueFor(issues, 'priorAuthorization')].filter(Boolean).join('. ') || undefined}
          >
            <input className={inputClass} autoComplete="off" spellCheck={false} maxLength={40} {...register('priorAuthorization')} />
          </Field>
        ) : null}
      </div>
      <DiagnosesList issues={issues} />
    </section>
  )
}
