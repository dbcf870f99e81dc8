import { useState } from 'react'
import { Button } from '../../../components/button.tsx'
import { Dialog } from '../../../components/dialog.tsx'
import type { PracticeCase } from '../../../domain/training/types.ts'
import { useStore } from '../../../storage/index.ts'

/** Deletes one of the practice's own cases, after a confirmation. */
export function DeleteCase({ practiceCase, onDeleted }: { practiceCase: PracticeCase; onDeleted: (deleted: { id: string; title: string }) => void }) {
  const store = useStore()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const remove = async () => {
    setBusy(true)
    setError(null)
    try {
      await (await store.training()).deletePracticeCase(practiceCase.id)
      setOpen(false)
      onDeleted({ id: practiceCase.id, title: practiceCase.title })
    } catch (e) {
      setError(`The case was not deleted: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button variant="danger" onClick={() => { setError(null); setOpen(true) }}>Delete this case</Button>
      <Dialog
        open={open} title="Delete this practice case?" busy={busy} onClose={() => setOpen(false)}
        actions={(
          <>
            <Button disabled={busy} onClick={() => setOpen(false)}>Keep the case</Button>
            <Button variant="danger" disabled={busy} onClick={() => void remove()}>Delete the case</Button>
          </>
        )}
      >
        <p>
          &ldquo;{practiceCase.title}&rdquo; ({practiceCase.id}) leaves the practice&apos;s case library. Attempts already graded
          on it keep their grades.
        </p>
        {error ? <p role="alert" className="mt-2 font-medium text-red-700">{error}</p> : null}
      </Dialog>
    </>
  )
}
