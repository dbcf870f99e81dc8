import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { useChangeRefusal } from '../../lib/change-rights.ts'
import { formatNdc11, NDC_UNITS, ndcUnitLabels, type NdcUnit } from '../../domain/index.ts'
import { useStore, useStoreQuery, type NdcListRecord } from '../../storage/index.ts'
import { ConfirmDialog } from './confirm-dialog.tsx'
import { EMPTY_NDC_ENTRY, ndcDrugCodes, ndcEntryDates, ndcEntryValuesOf, readNdcEntry, type NdcEntryErrors, type NdcEntryValues } from './ndc-list-model.ts'

const NO_ENTRIES: readonly NdcListRecord[] = []

interface EntryFormProps {
  label: string
  submitLabel: string
  initial: NdcEntryValues
  errors: NdcEntryErrors
  onSubmit: (values: NdcEntryValues) => void
  onCancel?: () => void
}

function NdcEntryForm({ label, submitLabel, initial, errors, onSubmit, onCancel }: EntryFormProps) {
  const [values, setValues] = useState<NdcEntryValues>(initial)
  const set = (key: keyof NdcEntryValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }))
  return (
    <form className="grid min-w-0 grid-cols-1 gap-2 sm:grid-cols-3" aria-label={label} noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(values) }}>
      <Field className="min-w-0" label="Drug code" error={errors.hcpcs}>
        <select className={`${inputClass} w-full min-w-0`} value={values.hcpcs} onChange={set('hcpcs')}>
          <option value="">Pick a code</option>
          {ndcDrugCodes.map((d) => <option key={d.code} value={d.code}>{d.code} · {d.name}</option>)}
        </select>
      </Field>
      <Field className="min-w-0" label="NDC" hint="As on the package: 4-4-2, 5-3-2, 5-4-1 or 11 digits; kept as 5-4-2" error={errors.ndc}>
        <input className={`${inputClass} w-full min-w-0`} value={values.ndc} onChange={set('ndc')} autoComplete="off" inputMode="numeric" />
      </Field>
      <Field className="min-w-0" label="NDC unit" error={errors.unit}>
        <select className={`${inputClass} w-full min-w-0`} value={values.unit} onChange={set('unit')}>
          <option value="">Pick a unit</option>
          {NDC_UNITS.map((u: NdcUnit) => <option key={u} value={u}>{ndcUnitLabels[u]}</option>)}
        </select>
      </Field>
      <Field label="Drug and package" hint="In your words, e.g. dexamethasone 10 mg/mL, 1 mL vial" error={errors.description} className="min-w-0 sm:col-span-3">
        <input className={`${inputClass} w-full min-w-0`} value={values.description} onChange={set('description')} autoComplete="off" />
      </Field>
      <Field className="min-w-0" label="Used from" hint="Empty: from any date" error={errors.effectiveFrom}>
        <input type="date" className={`${inputClass} w-full min-w-0`} value={values.effectiveFrom} onChange={set('effectiveFrom')} />
      </Field>
      <Field className="min-w-0" label="Used until" hint="Empty: still in use" error={errors.effectiveTo}>
        <input type="date" className={`${inputClass} w-full min-w-0`} value={values.effectiveTo} onChange={set('effectiveTo')} />
      </Field>
      <span className="flex items-start gap-2 sm:mt-6">
        <Button type="submit" variant="primary">{submitLabel}</Button>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
      </span>
    </form>
  )
}

function NdcEntryRow({ entry, onEdit, onDelete }: { entry: NdcListRecord; onEdit?: () => void; onDelete?: () => void }) {
  const ndc = formatNdc11(entry.ndc11)
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="min-w-0 [overflow-wrap:anywhere]">
        <span className="font-mono">{entry.hcpcs}</span> · NDC <span className="font-mono">{ndc}</span> {entry.unit} · {entry.description}
        <span className="block text-xs text-slate-700">Used {ndcEntryDates(entry)}</span>
      </span>
      {onEdit && onDelete ? (
        <span className="flex gap-1">
          <Button size="sm" onClick={onEdit} aria-label={`Edit NDC ${ndc} for ${entry.hcpcs}`}>Edit</Button>
          <Button size="sm" variant="ghost" onClick={onDelete} aria-label={`Delete NDC ${ndc} for ${entry.hcpcs}`}>Delete</Button>
        </span>
      ) : null}
    </li>
  )
}

/** The practice's NDCs per drug code: the NDC a drug line gets when none is entered on it. */
export function NdcListSection() {
  const store = useStore()
  const refusal = useChangeRefusal('ndc-list')
  const loaded = useStoreQuery((s) => s.listNdcList(), ['ndcList'], [])
  const entries = loaded ?? NO_ENTRIES
  const headingId = useId()
  const [addErrors, setAddErrors] = useState<NdcEntryErrors>({})
  const [addKey, setAddKey] = useState(0)
  const [editing, setEditing] = useState<{ id: string; errors: NdcEntryErrors } | null>(null)
  const [deleting, setDeleting] = useState<NdcListRecord | null>(null)
  const [status, setStatus] = useState<string | null>(null)

  const submit = (values: NdcEntryValues, id: string | null) => {
    const read = readNdcEntry(values, { id: id ?? crypto.randomUUID(), now: new Date().toISOString(), list: entries })
    if (!read.ok) {
      if (id === null) setAddErrors(read.errors)
      else setEditing({ id, errors: read.errors })
      return
    }
    const { record } = read
    void store.saveNdcEntry(record).then(() => {
      setStatus(`${id === null ? 'Added' : 'Saved'} NDC ${formatNdc11(record.ndc11)} for ${record.hcpcs}.`)
      if (id === null) { setAddErrors({}); setAddKey((k) => k + 1) } else setEditing(null)
    }, (error: unknown) => setStatus(`The entry was not saved: ${error instanceof Error ? error.message : String(error)}`))
  }
  const remove = (entry: NdcListRecord) => {
    setDeleting(null)
    void store.deleteNdcEntry(entry.id).then(() => setStatus(`Deleted NDC ${formatNdc11(entry.ndc11)} for ${entry.hcpcs}. Finalized encounters keep the NDC they were billed with.`))
  }

  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">NDC list</h3>
      <p className="text-sm text-slate-700">
        The NDCs the practice stocks, per drug code. A drug line with no NDC typed on it gets the one listed for its code on the date of service;
        when two NDCs of a code are in use that day, the one used from the latest date. Whether a payer needs the NDC is set in its payer profile.
      </p>
      {refusal ? <p role="note" className="rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800">{refusal}</p> : null}
      {loaded === undefined ? <p role="status">Loading the NDC list…</p> : entries.length === 0 ? (
        <p className="text-sm">No NDC listed yet.</p>
      ) : (
        <ul aria-label="NDC list" className="divide-y divide-slate-200 text-sm">
          {entries.map((e) => (editing?.id === e.id ? (
            <li key={e.id} className="py-2">
              <NdcEntryForm label={`Edit NDC ${formatNdc11(e.ndc11)} for ${e.hcpcs}`} submitLabel="Save entry" initial={ndcEntryValuesOf(e)} errors={editing.errors} onSubmit={(v) => submit(v, e.id)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <NdcEntryRow key={e.id} entry={e} {...(refusal ? {} : { onEdit: () => { setStatus(null); setEditing({ id: e.id, errors: {} }) }, onDelete: () => setDeleting(e) })} />
          )))}
        </ul>
      )}
      {refusal ? null : (
        <>
          <h4 className="font-semibold text-slate-900">Add an NDC</h4>
          <NdcEntryForm key={addKey} label="Add an NDC" submitLabel="Add NDC" initial={EMPTY_NDC_ENTRY} errors={addErrors} onSubmit={(v) => submit(v, null)} />
        </>
      )}
      {status ? <p role="status" className="text-sm text-slate-800">{status}</p> : null}
      {deleting ? (
        <ConfirmDialog title={`Delete NDC ${formatNdc11(deleting.ndc11)}?`} confirmLabel="Delete entry" onCancel={() => setDeleting(null)} onConfirm={() => remove(deleting)}>
          <p className="text-sm">{deleting.hcpcs} drug lines will no longer get {formatNdc11(deleting.ndc11)} ({deleting.description}) by default.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
