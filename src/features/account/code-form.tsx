import type { ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { zodMiniResolver } from '../../lib/zod-resolver.ts'
import { FormError } from './auth-card.tsx'
import { codeFormSchema, type CodeFormValues } from './forms.ts'
import { useServerError } from './use-server-error.ts'

const DEFAULTS: CodeFormValues = { code: '' }

interface CodeFormProps {
  submitLabel: string
  /** Sends the code; a rejection's message is shown under the field. */
  onSubmit: (code: string) => Promise<void>
  hint: string
  /** Backup codes are accepted too (sign-in); an authenticator code only (turning it on). */
  allowBackupCode?: boolean
  children?: ReactNode
}

/** One "Authentication code" field: the 6 digits from the authenticator app (or a backup code). */
export function CodeForm({ submitLabel, onSubmit, hint, allowBackupCode = false, children }: CodeFormProps) {
  const server = useServerError()
  const { register, handleSubmit, reset, formState: { errors, isSubmitting } } = useForm<CodeFormValues, unknown, { code: string }>({
    defaultValues: DEFAULTS,
    resolver: zodMiniResolver(codeFormSchema),
  })
  const submit = handleSubmit(async ({ code }) => {
    await server.run(() => onSubmit(code))
    // A code is used once: after an answer the field is cleared for the next one.
    reset(DEFAULTS, { keepErrors: true })
  })
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
      <Field label="Authentication code" hint={hint} error={errors.code?.message}>
        <input type="text" autoComplete="one-time-code" inputMode={allowBackupCode ? 'text' : 'numeric'} spellCheck={false}
          autoCapitalize="off" className={`${inputClass} max-w-56 font-mono tracking-wider`} {...register('code')} />
      </Field>
      <FormError message={server.message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={isSubmitting}>{submitLabel}</Button>
        {children}
      </div>
    </form>
  )
}
