import { useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import type { SessionInfo } from '../../group-api/index.ts'
import { zodMiniResolver } from '../../lib/zod-resolver.ts'
import { useGroupClient } from '../../storage/group/index.ts'
import { AuthCard, FormError, Notice } from './auth-card.tsx'
import { signInFormSchema, type SignInFormValues } from './forms.ts'
import { useServerError } from './use-server-error.ts'

const DEFAULTS: SignInFormValues = { email: '', password: '' }

interface SignInScreenProps {
  onSignedIn: (session: SessionInfo) => void
  /** Why the person is here again (signed out after inactivity, session ended). */
  notice?: string | null
  focusHeading?: boolean
}

/** Email and password. The server's answer decides the next step (two-factor, enrolment, or in). */
export function SignInScreen({ onSignedIn, notice = null, focusHeading = false }: SignInScreenProps) {
  const client = useGroupClient()
  const server = useServerError()
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<SignInFormValues, unknown, SignInFormValues>({
    defaultValues: DEFAULTS,
    resolver: zodMiniResolver(signInFormSchema),
  })
  const submit = handleSubmit(async (values) => {
    const session = await server.run(() => client.request('signIn', { body: values }))
    if (session) onSignedIn(session)
  })
  return (
    <AuthCard title="Sign in" focusHeading={focusHeading}>
      <Notice message={notice} />
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
        <Field label="Email" error={errors.email?.message}>
          <input type="email" autoComplete="username" className={inputClass} {...register('email')} />
        </Field>
        <Field label="Password" error={errors.password?.message}>
          <input type="password" autoComplete="current-password" className={inputClass} {...register('password')} />
        </Field>
        <FormError message={server.message} />
        <div>
          <Button type="submit" variant="primary" disabled={isSubmitting}>{isSubmitting ? 'Signing in…' : 'Sign in'}</Button>
        </div>
      </form>
      <p className="text-sm text-slate-700">Lost your password or your authenticator? Ask your practice&apos;s admin.</p>
    </AuthCard>
  )
}
