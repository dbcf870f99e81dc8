import { useId } from 'react'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { useCaseCatalog } from '../catalog.ts'
import { ExportSection } from './export-section.tsx'
import { ImportSection } from './import-section.tsx'

/** Practice cases as a JSON file: export (anyone) and import (supervisors), to share cases between machines. */
export function CaseFilePage() {
  const id = useId()
  const { user } = useCurrentUser()
  const catalog = useCaseCatalog()
  return (
    <section aria-labelledby={id} className="flex flex-col gap-6">
      <h2 id={id} className="text-lg font-semibold text-brand-800">Practice case file</h2>
      <p className="text-sm text-slate-700">
        Share practice cases between machines as a JSON file. A file is imported whole or not at all, and every answer key in it is
        checked against today&apos;s rule module.
      </p>
      <ExportSection catalog={catalog} />
      {user?.role === 'supervisor' ? <ImportSection catalog={catalog} /> : (
        <section aria-label="Import" className="flex flex-col gap-2">
          <h3 className="font-semibold text-brand-800">Import</h3>
          <p className="text-sm text-slate-800">Only a supervisor can import practice cases. Ask a supervisor, or choose a supervisor&apos;s profile.</p>
        </section>
      )}
    </section>
  )
}
