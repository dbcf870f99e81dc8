import { useState } from 'react'
import { Button } from '../../components/button.tsx'
import { useStoreQuery } from '../../storage/index.ts'
import { formatUsage, requestPersistence, storageStatus } from '../../storage/persistence.ts'
import { headingClass, sectionClass } from './backup-section.tsx'
import { ALL_TABLES } from './tables.ts'

/** Whether the browser keeps the data under storage pressure, and the space it takes. */
export function StorageSection() {
  const [asked, setAsked] = useState(0)
  const [answer, setAnswer] = useState<string | null>(null)
  // Re-read after every write (a restore or an import changes the space used) and after asking.
  const status = useStoreQuery(() => storageStatus(), ALL_TABLES, [asked])

  const ask = async () => {
    const granted = await requestPersistence()
    setAnswer(granted === true
      ? 'The browser agreed: it will keep this data even when the disk runs low.'
      : granted === false
        ? 'The browser said no for now. Browsers usually agree for a site you use often, bookmark or install. Keep downloading backups.'
        : 'This browser cannot be asked to keep the data. Keep downloading backups.')
    setAsked((n) => n + 1)
  }

  const kept = status === undefined ? '…' : status.persisted === true ? 'Yes' : status.persisted === false ? 'No: the browser may remove it when the disk runs low' : 'Unknown: this browser does not say'
  return (
    <section aria-labelledby="storage-heading" className={sectionClass}>
      <h3 id="storage-heading" className={headingClass}>Storage</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Kept on this computer</dt>
        <dd>{kept}</dd>
        <dt className="font-medium">Space used</dt>
        <dd>{status === undefined ? '…' : formatUsage(status)}</dd>
      </dl>
      {status?.persisted !== true ? <div><Button onClick={() => void ask()}>Keep data on this computer</Button></div> : null}
      {answer ? <p role="status" className="text-sm">{answer}</p> : null}
    </section>
  )
}
