import { useFormContext } from 'react-hook-form'
import { Field, inputClass } from '../../components/field.tsx'
import { BILATERAL_FORMATS, bilateralFormatLabels } from '../../domain/index.ts'
import { BILATERAL_SETTINGS, settingLabels } from './profile-labels.ts'
import type { ProfileFormValues } from './profile-form-model.ts'

/** How a bilateral procedure goes on the claim, per claim setting. */
export function BilateralFields() {
  const { register, formState: { errors, defaultValues } } = useFormContext<ProfileFormValues>()
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold text-slate-900">Bilateral format</legend>
      {BILATERAL_SETTINGS.map((setting) => {
        const e = errors.bilateral?.[setting]
        return (
          <div key={setting} className="grid grid-cols-1 gap-2 border-b border-slate-200 pb-3 last:border-b-0 sm:grid-cols-2">
            <Field label={`${settingLabels[setting]}: format`} error={e?.format?.message}
              hint={setting === 'ascFacility' ? 'Modifier 50 is not recognised for ASC facility payment' : undefined}>
              <select className={inputClass} defaultValue={defaultValues?.bilateral?.[setting]?.format} {...register(`bilateral.${setting}.format`)}>
                {BILATERAL_FORMATS.map((f) => <option key={f} value={f}>{bilateralFormatLabels[f]}</option>)}
              </select>
            </Field>
            <label className="flex items-center gap-2 self-end text-sm text-slate-800">
              <input type="checkbox" {...register(`bilateral.${setting}.verified`)} />
              {settingLabels[setting]}: verified with the payer
            </label>
            <Field className="sm:col-span-2" label={`${settingLabels[setting]}: source`} error={e?.source?.message}>
              <textarea rows={2} className={inputClass} {...register(`bilateral.${setting}.source`)} />
            </Field>
          </div>
        )
      })}
    </fieldset>
  )
}
