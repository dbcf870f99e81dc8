import { BackupSection } from './backup-section.tsx'
import { ClearSection } from './clear-section.tsx'
import { RestoreSection } from './restore-section.tsx'
import { StorageSection } from './storage-section.tsx'

/** Backup, restore, the browser's storage and clearing everything: the data this browser holds. */
export function DataPage() {
  return (
    <section aria-labelledby="data-heading" className="flex flex-col gap-4">
      <h2 id="data-heading" className="text-lg font-semibold text-brand-800">Backup and data</h2>
      <p className="text-sm text-slate-700">
        Everything the app keeps (drafts, finalized encounters, imported history, providers, payer profiles and NCCI tables)
        lives only in this browser. Download a backup regularly and keep it somewhere safe; it holds patient account numbers.
      </p>
      <BackupSection />
      <RestoreSection />
      <StorageSection />
      <ClearSection />
    </section>
  )
}
