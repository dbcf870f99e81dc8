import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { useStore, useStoreQuery, type ProviderRecord } from '../../storage/index.ts'
import { ConfirmDialog } from './confirm-dialog.tsx'
import { validateNewProvider, validateProviderName, type ProviderErrors } from './provider-validation.ts'

const NO_PROVIDERS: readonly ProviderRecord[] = []

function ProviderRow({ provider, onRename, onDelete }: { provider: ProviderRecord; onRename: (name: string) => Promise<void>; onDelete: () => void }) {
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(provider.name)
  const [error, setError] = useState<string | undefined>()
  const save = () => {
    const problem = validateProviderName(name)
    setError(problem)
    if (problem) return
    void onRename(name.trim()).then(() => setEditing(false))
  }
  if (editing) {
    return (
      <li className="flex flex-wrap items-end gap-2 py-2">
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); save() }}>
          <Field label={`New name for ${provider.id}`} error={error}>
            <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </Field>
          <Button type="submit" variant="primary" size="sm">Save name</Button>
          <Button size="sm" onClick={() => { setEditing(false); setName(provider.name); setError(undefined) }}>Cancel</Button>
        </form>
      </li>
    )
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="min-w-0 break-words"><span className="font-mono">{provider.id}</span> — {provider.name}</span>
      <span className="flex gap-1">
        <Button size="sm" onClick={() => setEditing(true)} aria-label={`Rename ${provider.name}`}>Rename</Button>
        <Button size="sm" variant="ghost" onClick={onDelete} aria-label={`Delete ${provider.name}`}>Delete</Button>
      </span>
    </li>
  )
}

/** The practice's rendering providers, offered on every worksheet. */
export function ProvidersSection() {
  const store = useStore()
  const loaded = useStoreQuery((s) => s.listProviders(), ['providers'], [])
  const providers = loaded ?? NO_PROVIDERS
  const headingId = useId()
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<ProviderErrors>({})
  const [status, setStatus] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<ProviderRecord | null>(null)

  const add = () => {
    const problems = validateNewProvider(id, name, providers)
    setErrors(problems)
    if (problems.id || problems.name) return
    const record = { id: id.trim(), name: name.trim() }
    void store.saveProvider(record).then(() => { setId(''); setName(''); setStatus(`Added ${record.name} (${record.id}).`) })
  }

  const remove = (provider: ProviderRecord) => {
    setDeleting(null)
    void store.deleteProvider(provider.id).then(() => setStatus(`Deleted ${provider.name} (${provider.id}). Finalized encounters keep the identifier.`))
  }

  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">Providers</h3>
      <p className="text-sm text-slate-700">The rendering providers the worksheet offers. The identifier goes on the claim data; the name is what coders pick.</p>
      {loaded === undefined ? <p role="status">Loading providers…</p> : providers.length === 0 ? (
        <p className="text-sm">No provider yet. Add the practice&apos;s providers to pick them on the worksheet.</p>
      ) : (
        <ul aria-label="Providers" className="divide-y divide-slate-200 text-sm">
          {providers.map((p) => (
            <ProviderRow
              key={p.id}
              provider={p}
              onRename={(newName) => store.saveProvider({ id: p.id, name: newName }).then(() => setStatus(`Renamed ${p.id} to ${newName}.`))}
              onDelete={() => setDeleting(p)}
            />
          ))}
        </ul>
      )}
      <form className="flex flex-wrap items-start gap-2" aria-label="Add a provider" noValidate onSubmit={(e) => { e.preventDefault(); add() }}>
        <Field label="Identifier" hint="Letters, digits and dashes, e.g. DR-A or an NPI" error={errors.id}>
          <input className={inputClass} value={id} onChange={(e) => setId(e.target.value)} autoComplete="off" />
        </Field>
        <Field label="Name" error={errors.name}>
          <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <Button type="submit" className="mt-6">Add provider</Button>
      </form>
      {status ? <p role="status" className="text-sm text-slate-800">{status}</p> : null}
      {deleting ? (
        <ConfirmDialog title={`Delete ${deleting.name}?`} confirmLabel="Delete provider" onCancel={() => setDeleting(null)} onConfirm={() => remove(deleting)}>
          <p className="text-sm">{deleting.name} ({deleting.id}) will no longer be offered on new worksheets. Finalized encounters and drafts keep the identifier.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
