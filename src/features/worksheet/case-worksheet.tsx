import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import type { CaseWorksheetProps } from '../../lib/case-worksheet.ts'
import { usePayerProfiles, useStore, useStoreQuery, type ProviderRecord } from '../../storage/index.ts'
import { inputToWorksheet, worksheetToInput, type FormIssue, type WorksheetValues } from './model/index.ts'
import { FormSections } from './form/form-sections.tsx'

const ProvidersDialog = lazy(() => import('./providers-dialog.tsx').then((m) => ({ default: m.ProvidersDialog })))

const NO_PROVIDERS: readonly ProviderRecord[] = Object.freeze([])

/**
 * The worksheet's form without its claim lines, checks or autosave: training mode codes a practice
 * case in it (suggestions hidden) and case authoring states a case's facts in it. Only problems
 * with what was typed (a row half filled in) show under the fields; nothing from the rule module.
 */
export function CaseWorksheet({ initialInput, today, onChange, label }: CaseWorksheetProps) {
  const store = useStore()
  const [initialValues] = useState<WorksheetValues>(() => inputToWorksheet(initialInput))
  const methods = useForm<WorksheetValues>({ defaultValues: initialValues, mode: 'onChange' })
  const { profiles } = usePayerProfiles()
  const providers = useStoreQuery((s) => s.listProviders(), ['providers'], []) ?? NO_PROVIDERS
  const [issuesKey, setIssuesKey] = useState('[]')
  const issues = useMemo(() => JSON.parse(issuesKey) as FormIssue[], [issuesKey])
  const [managing, setManaging] = useState(false)
  const changed = useRef(onChange)
  useEffect(() => { changed.current = onChange }, [onChange])

  const history = initialInput.history
  useEffect(() => {
    const emit = (values: WorksheetValues) => {
      const mapped = worksheetToInput(values, history, today)
      setIssuesKey(JSON.stringify(mapped.issues))
      changed.current(mapped.input)
    }
    emit(methods.getValues())
    return methods.subscribe({ formState: { values: true }, callback: ({ values }) => emit(values) })
  }, [methods, history, today])

  return (
    <FormProvider {...methods}>
      <FormSections
        providers={providers}
        payerProfiles={profiles}
        issues={issues}
        needsPriorAuth={false}
        addRequest={null}
        onManageProviders={() => setManaging(true)}
        label={label}
      />
      {managing ? (
        <Suspense fallback={null}>
          <ProvidersDialog open providers={providers} onClose={() => setManaging(false)}
            onSave={(p) => store.saveProvider(p)} onDelete={(id) => store.deleteProvider(id)} />
        </Suspense>
      ) : null}
    </FormProvider>
  )
}
