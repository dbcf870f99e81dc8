import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { Dialog } from '../../components/dialog.tsx'
import { inputClass } from '../../components/field.tsx'
import type { ProviderRecord } from '../../storage/index.ts'

interface ProvidersDialogProps {
  open: boolean
  providers: readonly ProviderRecord[]
  onClose: () => void
  onSave: (provider: ProviderRecord) => Promise<void>
  onDelete: (id: string) => Promise<void>
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/

/** The practice's rendering providers: an identifier that goes on the claim data, and a display name. */
export function ProvidersDialog({ open, providers, onClose, onSave, onDelete }: ProvidersDialogProps) {
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const formId = useId()
  const add = () => {
    const trimmed = id.trim()
    if (!ID_PATTERN.test(trimmed)) { setError('Use letters, digits and dashes for the provider identifier (e.g. DR-A or an NPI).'); return }
    if (name.trim() === '') { setError('Enter the provider\'s name.'); return }
    if (providers.some((p) => p.id === trimmed)) { setError(`${trimmed} is already in the list.`); return }
    setError(null)
    void onSave({ id: trimmed, name: name.trim() }).then(() => { setId(''); setName('') })
  }
  return (
    <Dialog open={open} title="Rendering providers" onClose={onClose} actions={<Button variant="primary" onClick={onClose}>Done</Button>}>
      {providers.length === 0 ? <p className="text-sm">No provider yet. Add the practice&apos;s providers to pick them on the worksheet.</p> : (
        <ul className="mb-3 divide-y divide-slate-200 text-sm">
          {providers.map((p) => (
            <li key={p.id} className="flex items-center justify-between py-1">
              <span><span className="font-mono">{p.id}</span> — {p.name}</span>
              <Button size="sm" variant="ghost" onClick={() => void onDelete(p.id)} aria-label={`Remove ${p.name}`}>Remove</Button>
            </li>
          ))}
        </ul>
      )}
      <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); add() }} aria-describedby={error ? `${formId}-error` : undefined}>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${formId}-id`} className="text-sm font-medium">Identifier</label>
          <input id={`${formId}-id`} className={inputClass} value={id} onChange={(e) => setId(e.target.value)} autoComplete="off" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${formId}-name`} className="text-sm font-medium">Name</label>
          <input id={`${formId}-name`} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <Button type="submit">Add provider</Button>
      </form>
      {error ? <p id={`${formId}-error`} role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
    </Dialog>
  )
}
