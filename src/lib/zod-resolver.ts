import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form'
import type { z, ZodMiniType } from 'zod/mini'

/**
 * A react-hook-form resolver for a zod/mini schema of a flat form: each field gets the first
 * message about it. (@hookform/resolvers' zod resolver pulls in classic zod's types and code.)
 */
export function zodMiniResolver<S extends ZodMiniType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  return (values) => {
    const parsed = schema.safeParse(values)
    if (parsed.success) return { values: parsed.data, errors: {} }
    const errors: Record<string, { type: string; message: string }> = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? String(issue.path[0]) : 'root'
      errors[key] ??= { type: issue.code, message: issue.message }
    }
    return { values: {}, errors: errors as FieldErrors<z.input<S>> }
  }
}
