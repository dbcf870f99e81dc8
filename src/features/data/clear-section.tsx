import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { Dialog } from '../../components/dialog.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { useStore } from '../../storage/index.ts'
import { headingClass, sectionClass } from './backup-section.tsx'
import { downloadBackup } from './download-backup.ts'
import { plural } from './tables.ts'

const CONFIRM_WORD = 'CLEAR'

/** Removes every record from this browser, after the coder types CLEAR. */
export function ClearSection() {
  const store = useStore()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)

  const close = () => { setOpen(false); setTyped(''); setNote(null) }

  const download = async () => {
    try {
      const { fileName, records } = await downloadBackup(store)
      setNote(`Downloaded ${fileName} with ${plural(records, 'record')}.`)
    } catch (e) {
      setNote(`The backup could not be made: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  const clear = async () => {
    setBusy(true)
    try {
      await store.clearAll()
      setOutcome({ ok: true, text: 'All data was cleared from this browser.' })
      close()
    } catch (e) {
      setOutcome({ ok: false, text: `The data could not be cleared: ${e instanceof Error ? e.message : String(e)}` })
      close()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="clear-heading" className={sectionClass}>
      <h3 id="clear-heading" className={headingClass}>Clear all data</h3>
      <p className="text-sm">Removes every draft, encounter, imported line, provider, payer profile and NCCI table from this browser.</p>
      <div><Button variant="danger" onClick={() => { setOutcome(null); setOpen(true) }}>Clear all data…</Button></div>
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'font-medium text-green-800' : 'font-medium text-red-700'}>{outcome.text}</p> : null}
      {open ? (
        <Dialog open title="Clear all data?" onClose={close} actions={<>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" form={`${id}-form`} type="submit" disabled={typed !== CONFIRM_WORD || busy}>Clear all data</Button>
        </>}>
          <form id={`${id}-form`} className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); if (typed === CONFIRM_WORD) void clear() }}>
            <p>This removes everything the app stored in this browser. It cannot be undone. Download a backup first unless you have a recent one.</p>
            <div><Button onClick={() => void download()}>Download backup first</Button></div>
            {note ? <p role="status" className="text-sm">{note}</p> : null}
            <Field label={`Type ${CONFIRM_WORD} to confirm`}>
              <input className={inputClass} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
            </Field>
          </form>
        </Dialog>
      ) : null}
    </section>
  )
}
