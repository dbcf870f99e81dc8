import { useEffect, useId, useRef, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { builtInPayerProfiles, type PayerProfile } from '../../domain/index.ts'
import { useChangeRefusal } from '../../lib/change-rights.ts'
import { usePayerProfiles, useStore, type CustomPayerProfileRecord } from '../../storage/index.ts'
import { ConfirmDialog } from './confirm-dialog.tsx'
import { copyProfile } from './profile-copy.ts'
import { ProfileForm } from './profile-form.tsx'
import { ProfileView } from './profile-view.tsx'

type Panel = { mode: 'none' } | { mode: 'view'; id: string } | { mode: 'edit'; record: CustomPayerProfileRecord; isNew: boolean }

interface RowProps {
  profile: PayerProfile
  custom: boolean
  onView: () => void
  onCopy?: () => void
  onEdit?: () => void
  onDelete?: () => void
}

function ProfileRow({ profile, custom, onView, onCopy, onEdit, onDelete }: RowProps) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="min-w-0 [overflow-wrap:anywhere]">
        <span className="font-medium">{profile.name}</span> <span className="font-mono text-xs text-slate-700">{profile.id}</span>
        <span className="block text-xs text-slate-700">{profile.frequencyLimits.length} frequency limits · {custom ? 'custom' : 'built in'}</span>
      </span>
      <span className="flex flex-wrap gap-1">
        <Button size="sm" onClick={onView} aria-label={`View ${profile.name}`}>View</Button>
        {onCopy ? <Button size="sm" onClick={onCopy} aria-label={`Copy ${profile.name} into a custom profile`}>Copy into a custom profile</Button> : null}
        {onEdit ? <Button size="sm" onClick={onEdit} aria-label={`Edit ${profile.name}`}>Edit</Button> : null}
        {onDelete ? <Button size="sm" variant="ghost" onClick={onDelete} aria-label={`Delete ${profile.name}`}>Delete</Button> : null}
      </span>
    </li>
  )
}

/** The built-in payer profiles and the practice's own: view, copy, edit, delete (view only for who may not change them). */
export function PayerProfilesSection() {
  const store = useStore()
  const refusal = useChangeRefusal('payer-profiles')
  const mayChange = refusal === null
  const { profiles, custom, loaded } = usePayerProfiles()
  const [panel, setPanel] = useState<Panel>({ mode: 'none' })
  const [deleting, setDeleting] = useState<CustomPayerProfileRecord | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const headingId = useId()
  const panelHeading = useRef<HTMLHeadingElement>(null)
  const panelKey = panel.mode === 'view' ? `view:${panel.id}` : panel.mode === 'edit' ? `edit:${panel.record.profile.id}` : 'none'
  useEffect(() => { if (panelKey !== 'none') panelHeading.current?.focus() }, [panelKey])

  const findProfile = (id: string | null) => (id === null ? undefined : profiles.find((p) => p.id === id))
  const recordOf = (id: string) => custom.find((r) => r.profile.id === id)
  const copy = (profile: PayerProfile) => {
    setStatus(null)
    setPanel({ mode: 'edit', record: copyProfile(profile, profiles.map((p) => p.id), new Date().toISOString()), isNew: true })
  }
  const save = async (record: CustomPayerProfileRecord) => {
    await store.savePayerProfile(record)
    setStatus(`Saved ${record.profile.name}. Worksheets offer it under "Payer profile".`)
    setPanel({ mode: 'view', id: record.profile.id })
  }
  const remove = (record: CustomPayerProfileRecord) => {
    setDeleting(null)
    void store.deletePayerProfile(record.profile.id).then(() => {
      setStatus(`Deleted ${record.profile.name}.`)
      setPanel((p) => (p.mode !== 'none' && panelKey.endsWith(`:${record.profile.id}`) ? { mode: 'none' } : p))
    })
  }

  const viewed = panel.mode === 'view' ? findProfile(panel.id) : undefined
  const viewedRecord = viewed ? recordOf(viewed.id) : undefined
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">Payer profiles</h3>
      <p className="text-sm text-slate-700">Limits and conventions that differ by payer. Built-in profiles cite their sources and cannot be changed: copy one into a custom profile to set your payer&apos;s or contractor&apos;s values.</p>
      {refusal ? <p role="note" className="rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800">{refusal}</p> : null}
      <h4 className="font-semibold text-slate-900">Built-in profiles</h4>
      <ul aria-label="Built-in profiles" className="divide-y divide-slate-200 text-sm">
        {builtInPayerProfiles.map((p) => <ProfileRow key={p.id} profile={p} custom={false} onView={() => setPanel({ mode: 'view', id: p.id })} onCopy={mayChange ? () => copy(p) : undefined} />)}
      </ul>
      <h4 className="font-semibold text-slate-900">Custom profiles</h4>
      {!loaded ? <p role="status">Loading custom profiles…</p> : custom.length === 0 ? <p className="text-sm">No custom profile yet.</p> : (
        <ul aria-label="Custom profiles" className="divide-y divide-slate-200 text-sm">
          {custom.map((r) => (
            <ProfileRow key={r.profile.id} profile={r.profile} custom onView={() => setPanel({ mode: 'view', id: r.profile.id })}
              {...(mayChange ? { onCopy: () => copy(r.profile), onEdit: () => setPanel({ mode: 'edit', record: r, isNew: false }), onDelete: () => setDeleting(r) } : {})} />
          ))}
        </ul>
      )}
      {status ? <p role="status" className="text-sm text-slate-800">{status}</p> : null}

      {panel.mode === 'view' && viewed ? (
        <section aria-labelledby={`${headingId}-panel`} className="flex min-w-0 flex-col gap-3 border-t border-slate-300 pt-3">
          <h4 id={`${headingId}-panel`} ref={panelHeading} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">{viewed.name}</h4>
          {viewedRecord ? (
            <p className="text-sm text-slate-700">Custom profile{viewedRecord.basedOn ? `, copied from ${findProfile(viewedRecord.basedOn)?.name ?? viewedRecord.basedOn}` : ''}; last saved {viewedRecord.updatedAt.slice(0, 10)}.</p>
          ) : null}
          <ProfileView profile={viewed} original={viewedRecord ? findProfile(viewedRecord.basedOn) : undefined} />
          <div className="flex flex-wrap gap-2">
            {viewedRecord && mayChange ? <Button onClick={() => setPanel({ mode: 'edit', record: viewedRecord, isNew: false })}>Edit this profile</Button> : null}
            {mayChange ? <Button onClick={() => copy(viewed)}>Copy into a custom profile</Button> : null}
            <Button variant="ghost" onClick={() => setPanel({ mode: 'none' })}>Close</Button>
          </div>
        </section>
      ) : null}
      {panel.mode === 'edit' && mayChange ? (
        <div className="border-t border-slate-300 pt-3">
          <ProfileForm key={panelKey} headingRef={panelHeading} record={panel.record} original={findProfile(panel.record.basedOn)} isNew={panel.isNew} onSave={save} onCancel={() => setPanel({ mode: 'none' })} />
        </div>
      ) : null}
      {deleting && mayChange ? (
        <ConfirmDialog title={`Delete ${deleting.profile.name}?`} confirmLabel="Delete profile" onCancel={() => setDeleting(null)} onConfirm={() => remove(deleting)}>
          <p className="text-sm">The custom profile {deleting.profile.id} is removed for good. Drafts that use it will show the profile as not found; finalized encounters keep their results.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
