import { useEffect, useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, ROLE_LABELS, ROLES, type PracticeSettings, type Role } from '../../group-api/index.ts'
import { zodMiniResolver } from '../../lib/zod-resolver.ts'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import { settingsFormSchema, type SettingsFormValues } from './admin-model.ts'
import { AdminSection, ErrorText } from './admin-section.tsx'

type SettingsOutput = { name: string; idleTimeoutMinutes: number; twoFactorRoles: Role[] }

function SettingsForm({ settings, onSave }: { settings: PracticeSettings; onSave: (values: SettingsOutput) => Promise<boolean> }) {
  const rolesHint = useId()
  const { register, handleSubmit, reset, formState: { errors, isSubmitting, isDirty } } = useForm<SettingsFormValues, unknown, SettingsOutput>({
    defaultValues: settings, resolver: zodMiniResolver(settingsFormSchema),
  })
  const submit = handleSubmit(async (values) => {
    if (await onSave(values)) reset(values)
  })
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex max-w-xl flex-col gap-4 rounded border border-brand-200 bg-white p-4">
      <Field label="Practice name" error={errors.name?.message}>
        <input type="text" className={inputClass} {...register('name')} />
      </Field>
      <Field label="Automatic sign-out after (minutes without activity)" hint={`${IDLE_MINUTES_MIN} to ${IDLE_MINUTES_MAX} minutes. A warning comes shortly before; shorter is safer on shared computers.`}
        error={errors.idleTimeoutMinutes?.message}>
        <input type="number" min={IDLE_MINUTES_MIN} max={IDLE_MINUTES_MAX} step={1} className={`${inputClass} w-28`} {...register('idleTimeoutMinutes', { valueAsNumber: true })} />
      </Field>
      <fieldset className="flex flex-col gap-1" aria-describedby={rolesHint}>
        <legend className="text-sm font-medium text-slate-800">Roles that must use two-factor authentication</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ROLES.map((role) => (
            <label key={role} className="inline-flex min-h-6 items-center gap-2 text-sm">
              <input type="checkbox" value={role} {...register('twoFactorRoles')} />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
        <p id={rolesHint} className="text-xs text-slate-600">People in these roles who have no authenticator yet set one up at their next sign-in. Anyone may turn it on for themselves.</p>
      </fieldset>
      <div><Button type="submit" variant="primary" disabled={isSubmitting || !isDirty}>Save settings</Button></div>
    </form>
  )
}

/** The practice's sign-in rules: idle timeout, required two-factor, and its name. */
export function SignInSettingsPage({ onSaved }: { onSaved: () => void }) {
  const client = useGroupClient()
  const [settings, setSettings] = useState<PracticeSettings | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    client.request('settings').then(
      (answer) => { if (current) setSettings(answer) },
      (e: unknown) => { if (current) setLoadError(describeError(e)) },
    )
    return () => { current = false }
  }, [client])

  const save = async (values: SettingsOutput) => {
    setError(null)
    setStatus(null)
    try {
      setSettings(await client.request('updateSettings', { body: values }))
      setStatus('Sign-in settings saved.')
      onSaved()
      return true
    } catch (e) {
      setError(describeError(e))
      return false
    }
  }

  return (
    <AdminSection title="Sign-in settings">
      {settings === null && !loadError ? <p role="status">Loading settings…</p> : null}
      <ErrorText message={loadError} />
      {settings ? <SettingsForm settings={settings} onSave={save} /> : null}
      <ErrorText message={error} />
      <p role="status" className="text-sm font-medium text-emerald-900">{status}</p>
    </AdminSection>
  )
}
