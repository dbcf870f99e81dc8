import { z } from 'zod/mini'
import { PASSWORD_MAX, PASSWORD_MIN } from '../../group-api/index.ts'

/**
 * The account screens' form models. The server checks the same limits again (group-api's
 * schemas); these give each field its own plain message first, and add what only a form has
 * (the repeated password).
 */

const MAX_NAME = 80
const MAX_PRACTICE_NAME = 120

const email = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter your email address.'),
  z.maxLength(254, 'An email address has at most 254 characters.'),
  z.regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address, such as name@example.com.'),
)
const personName = z.string().check(z.trim(), z.minLength(1, 'Enter your name.'), z.maxLength(MAX_NAME, `Use at most ${MAX_NAME} characters.`))
const enteredPassword = z.string().check(z.minLength(1, 'Enter your password.'), z.maxLength(PASSWORD_MAX, `A password has at most ${PASSWORD_MAX} characters.`))
const newPassword = z.string().check(
  z.minLength(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`),
  z.maxLength(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
)
const confirmation = z.string()
const sameAs = <F extends 'password' | 'newPassword'>(field: F) =>
  z.refine<Record<F | 'confirm', string>>((v) => v[field] === v.confirm, { message: 'The two passwords are not the same.', path: ['confirm'] })

/** A 6-digit authenticator code or a backup code; spaces are dropped, dashes kept. */
export const codeFormSchema = z.object({
  code: z.pipe(
    z.pipe(z.string(), z.transform((s) => s.replace(/\s+/g, ''))),
    z.string().check(
      z.minLength(1, 'Enter the code.'),
      z.minLength(6, 'A code has at least 6 characters: the 6 digits from your authenticator app, or a backup code.'),
      z.maxLength(20, 'That is longer than any code.'),
    ),
  ),
})
export type CodeFormValues = z.input<typeof codeFormSchema>

export const signInFormSchema = z.object({ email, password: enteredPassword })
export type SignInFormValues = z.input<typeof signInFormSchema>

export const setupFormSchema = z.object({
  practiceName: z.string().check(z.trim(), z.minLength(1, 'Enter the practice name.'), z.maxLength(MAX_PRACTICE_NAME, `Use at most ${MAX_PRACTICE_NAME} characters.`)),
  name: personName,
  email,
  password: newPassword,
  confirm: confirmation,
}).check(sameAs('password'))
export type SetupFormValues = z.input<typeof setupFormSchema>

export const newAccountInviteSchema = z.object({ name: personName, password: newPassword, confirm: confirmation }).check(sameAs('password'))
export type NewAccountInviteValues = z.input<typeof newAccountInviteSchema>

export const existingAccountInviteSchema = z.object({ password: enteredPassword })
export type ExistingAccountInviteValues = z.input<typeof existingAccountInviteSchema>

export const changePasswordSchema = z.object({ currentPassword: enteredPassword, newPassword, confirm: confirmation }).check(sameAs('newPassword'))
export type ChangePasswordValues = z.input<typeof changePasswordSchema>

export const passwordFormSchema = z.object({ password: enteredPassword })
export type PasswordFormValues = z.input<typeof passwordFormSchema>
