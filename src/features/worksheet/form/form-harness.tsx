import type { ReactNode } from 'react'
import { FormProvider, useForm, useWatch } from 'react-hook-form'
import { getDefaultWorksheetValues, type WorksheetValues } from '../model/index.ts'

function Values() {
  const values = useWatch<WorksheetValues>()
  return <output data-testid="values">{JSON.stringify(values)}</output>
}

/** Test host: a worksheet form around the sections, with its live values in <output data-testid="values">. */
export function FormHarness({ children, values = {} }: { children: ReactNode; values?: Partial<WorksheetValues> }) {
  const methods = useForm<WorksheetValues>({ defaultValues: { ...getDefaultWorksheetValues('2025-03-10', { providerId: 'dr-a' }), ...values } })
  return (
    <FormProvider {...methods}>
      <form onSubmit={(e) => e.preventDefault()}>{children}</form>
      <Values />
    </FormProvider>
  )
}
