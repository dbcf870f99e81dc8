import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { createContext, type HistoryLine, type ProcedureType } from '../../domain/index.ts'
import { usePayerProfiles, useReferenceData, useStore, useStoreQuery, type DraftRecord, type ProviderRecord } from '../../storage/index.ts'
import { useCurrentUser } from '../../lib/current-user.tsx'
import { useAutosave } from './drafts/use-autosave.ts'
import { blockingIssues, countBySeverity, toEncounterRecord, toFinalizeAudit } from './finalize.ts'
import { CodeSetsContext } from './form/code-sets-context.ts'
import { FormSections } from './form/form-sections.tsx'
import { inputToWorksheet, type FormIssue, type LinePointerValues, type WorksheetValues } from './model/index.ts'
import { ResultsPanel } from './results/results-panel.tsx'
import { useWorksheetShortcuts } from './shortcuts.ts'
import { useLiveEvaluation } from './use-live-evaluation.ts'
import { todayIso } from './use-today.ts'

// Loaded when first used, to keep the JavaScript the worksheet needs on load small.
const FinalizeDialog = lazy(() => import('./finalize-dialog.tsx').then((m) => ({ default: m.FinalizeDialog })))
const HelpDialog = lazy(() => import('./help-dialog.tsx').then((m) => ({ default: m.HelpDialog })))
const ProvidersDialog = lazy(() => import('./providers-dialog.tsx').then((m) => ({ default: m.ProvidersDialog })))
const PayerComparison = lazy(() => import('./results/payer-comparison.tsx').then((m) => ({ default: m.PayerComparison })))
const loadOutput = () => import('./output/index.ts')

const NO_HISTORY: readonly HistoryLine[] = Object.freeze([])
const NO_PROVIDERS: readonly ProviderRecord[] = Object.freeze([])

/** The same array as last time while the issues read the same, so the form does not re-render for nothing. */
function useStableIssues(issues: FormIssue[]): FormIssue[] {
  const key = JSON.stringify(issues)
  return useMemo(() => JSON.parse(key) as FormIssue[], [key])
}

interface WorksheetPageProps {
  draftId: string
  initialValues: WorksheetValues
  draft: DraftRecord | undefined
  /** Opens another worksheet (a new one, or an imported encounter as a new draft). */
  onOpenNew: (values?: WorksheetValues, message?: string) => void
  notice: string | null
}

/** The coder's main screen: the form on one side, the claim lines and checks live on the other. */
export function WorksheetPage({ draftId, initialValues, draft, onOpenNew, notice }: WorksheetPageProps) {
  const store = useStore()
  const { user } = useCurrentUser()
  const methods = useForm<WorksheetValues>({ defaultValues: initialValues, mode: 'onChange' })
  const [values, setValues] = useState<WorksheetValues>(() => structuredClone(initialValues))
  useEffect(() => methods.subscribe({ formState: { values: true }, callback: ({ values: v }) => setValues(structuredClone(v)) }), [methods])

  const today = useMemo(() => todayIso(), [])
  const ncci = useStoreQuery((s) => s.loadNcciTables(), ['ncci'], [])
  const { profiles: payerProfiles } = usePayerProfiles()
  const { codeSets, coverage, ndcList } = useReferenceData()
  const context = useMemo(() => createContext(today, { ...(ncci ? { ncci } : {}), payerProfiles, codeSets, coverage, ndcList }), [today, ncci, payerProfiles, codeSets, coverage, ndcList])
  const patientId = values.patientId.trim()
  const history = useStoreQuery((s) => (patientId ? s.patientHistory(patientId) : Promise.resolve(NO_HISTORY)), ['encounters', 'history'], [patientId]) ?? NO_HISTORY
  const providers = useStoreQuery((s) => s.listProviders(), ['providers'], []) ?? NO_PROVIDERS
  const { input, result, issues: liveIssues } = useLiveEvaluation(values, history, context)
  const issues = useStableIssues(liveIssues)
  const autosave = useAutosave(store, draftId, values, draft)
  const saveState = autosave.state

  const [status, setStatus] = useState<string | null>(notice)
  const [dialog, setDialog] = useState<'none' | 'finalize' | 'help' | 'providers'>('none')
  const [addRequest, setAddRequest] = useState<{ type: ProcedureType; nonce: number } | null>(null)
  const [showComparison, setShowComparison] = useState(false)
  const [importError, setImportError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const counts = useMemo(() => countBySeverity(result), [result])
  const setPointers = useCallback((next: LinePointerValues[]) => methods.setValue('linePointers', next, { shouldDirty: true }), [methods])
  const openProviders = useCallback(() => setDialog('providers'), [])
  const needsPriorAuth = result.findings.some((f) => f.ruleId.startsWith('PA-OPD'))

  const copyLines = useCallback(() => {
    loadOutput().then((o) => navigator.clipboard.writeText(o.claimLinesToTsv(result.lines, { diagnoses: input.encounter.diagnoses }))).then(
      () => setStatus(`Copied ${result.lines.length} line${result.lines.length === 1 ? '' : 's'} to the clipboard.`),
      () => setStatus('The browser did not allow copying; select the lines table instead.'),
    )
  }, [result.lines, input.encounter.diagnoses])

  const exportJson = () => {
    void loadOutput().then((o) => o.downloadText(o.fileNameFor('json', values.patientId, values.dateOfService), o.encounterToJson(input), 'application/json'))
  }

  const exportCsv = () => {
    void loadOutput().then((o) => o.downloadText(o.fileNameFor('csv', values.patientId, values.dateOfService), o.claimLinesToCsv(result.lines, { patientId: values.patientId, dateOfService: values.dateOfService, providerId: values.providerId, diagnoses: input.encounter.diagnoses }), 'text/csv'))
  }

  const importFile = async (file: File) => {
    const [text, o] = await Promise.all([file.text(), loadOutput()])
    const parsed = o.parseEncounterFile(text)
    if (!parsed.ok) {
      setImportError(`${file.name}: ${parsed.message}${parsed.issues.length ? ` ${parsed.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ')}` : ''}`)
      return
    }
    setImportError(null)
    onOpenNew(inputToWorksheet(parsed.input), `Imported ${file.name} as a new draft.`)
  }

  const finalize = async (reason: string | null) => {
    const record = toEncounterRecord(draftId, input, result, reason, new Date().toISOString(), user)
    try {
      // The draft's last autosave lands first: the finalize deletes the draft after it, never before.
      await autosave.settle()
      await store.finalize(record, draftId, user ? [toFinalizeAudit(record, user, crypto.randomUUID())] : [])
    } catch (error) {
      // Nothing was stored (one transaction); the worksheet stays as it is.
      setDialog('none')
      setStatus(error instanceof Error ? error.message : `Not finalized: ${String(error)}`)
      return
    }
    setDialog('none')
    onOpenNew(undefined, `Finalized ${record.patientId} on ${record.dateOfService}${record.review === 'pending' ? '; sent to supervisor review' : ''}.`)
  }

  useWorksheetShortcuts({
    addProcedure: (type) => setAddRequest((r) => ({ type, nonce: (r?.nonce ?? 0) + 1 })),
    finalize: () => setDialog('finalize'),
    copyLines,
    help: () => setDialog('help'),
  })

  return (
    <FormProvider {...methods}>
      <div className="flex flex-col gap-4 pb-14 lg:pb-0">
        <div className="flex flex-wrap items-center gap-2" data-print="hide" role="toolbar" aria-label="Worksheet actions">
          <Button variant="primary" onClick={() => setDialog('finalize')} aria-keyshortcuts="Control+Enter">Finalize…</Button>
          <Button onClick={copyLines} aria-keyshortcuts="Alt+C">Copy lines</Button>
          <Button onClick={exportJson}>Export JSON</Button>
          <Button onClick={exportCsv}>Export CSV</Button>
          <Button onClick={() => window.print()}>Print</Button>
          <Button onClick={() => fileInput.current?.click()}>Import JSON…</Button>
          <input ref={fileInput} type="file" accept="application/json,.json" className="sr-only" aria-label="Import an encounter JSON file" tabIndex={-1}
            onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f) }} />
          <Button variant="ghost" onClick={() => onOpenNew()}>New worksheet</Button>
          <Button variant="ghost" onClick={() => setDialog('help')} aria-keyshortcuts="Alt+H">Shortcuts</Button>
          <span className="ml-auto text-sm text-slate-700" aria-live="polite">
            {saveState.status === 'pending' || saveState.status === 'saving' ? 'Saving…' : saveState.status === 'saved' ? 'Draft saved' : saveState.status === 'failed' ? saveState.message : ''}
          </span>
        </div>
        {status ? <p role="status" className="rounded border border-brand-200 bg-white px-3 py-2 text-sm">{status}</p> : null}
        {draft?.status === 'returned' && draft.returnNote ? <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm"><strong>Returned by the supervisor:</strong> {draft.returnNote}</p> : null}
        {importError ? <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm">{importError}</p> : null}
        <div data-print="only">
          <p>Patient {values.patientId} · DOS {values.dateOfService} · Provider {values.providerId} · Payer {result.payerProfileId} · Printed {today}</p>
        </div>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <CodeSetsContext.Provider value={codeSets}>
            <FormSections providers={providers} payerProfiles={payerProfiles} issues={issues} needsPriorAuth={needsPriorAuth} addRequest={addRequest} onManageProviders={openProviders} />
          </CodeSetsContext.Provider>
          <div id="claim-and-checks" tabIndex={-1} className="min-w-0 scroll-mt-4 focus:outline-none lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
            <ResultsPanel result={result} issues={issues} values={values} onApplyFix={(next, label) => { methods.reset(next, { keepDefaultValues: true }); setStatus(`Applied: ${label}.`) }}
              onPointersChange={setPointers} />
            <div className="mt-4" data-print="hide">
              <Button size="sm" onClick={() => setShowComparison((s) => !s)} aria-expanded={showComparison}>{showComparison ? 'Hide' : 'Compare'} payer profiles</Button>
              {showComparison ? <Suspense fallback={<p role="status">Loading the comparison…</p>}><PayerComparison values={values} history={history} today={today} profiles={payerProfiles} ndcList={ndcList} /></Suspense> : null}
            </div>
          </div>
        </div>
      </div>
      <div className="fixed inset-x-0 bottom-0 z-10 flex items-center justify-between gap-2 border-t border-brand-200 bg-white px-4 py-2 text-sm shadow lg:hidden" data-print="hide">
        <span>Claim: {result.lines.length} line{result.lines.length === 1 ? '' : 's'}, {counts.error} error{counts.error === 1 ? '' : 's'}, {counts.warning} warning{counts.warning === 1 ? '' : 's'}</span>
        <Button size="sm" onClick={() => { const el = document.getElementById('claim-and-checks'); el?.scrollIntoView({ behavior: 'smooth' }); el?.focus({ preventScroll: true }) }}>Show claim and checks</Button>
      </div>
      <Suspense fallback={null}>
        {dialog === 'finalize' ? <FinalizeDialog open counts={counts} blocking={blockingIssues(issues)} lineCount={result.lines.length} onCancel={() => setDialog('none')} onConfirm={(reason) => void finalize(reason)} /> : null}
        {dialog === 'help' ? <HelpDialog open onClose={() => setDialog('none')} /> : null}
        {dialog === 'providers' ? <ProvidersDialog open providers={providers} onClose={() => setDialog('none')} onSave={(p) => store.saveProvider(p)} onDelete={(id) => store.deleteProvider(id)} /> : null}
      </Suspense>
    </FormProvider>
  )
}
