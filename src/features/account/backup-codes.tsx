import { Button } from '../../components/button.tsx'
import { CopyButton } from '../../components/copy-button.tsx'
import { downloadText } from '../../lib/download.ts'
import { BACKUP_CODES_FILENAME, backupCodesText } from './two-factor-format.ts'

interface BackupCodesProps {
  codes: readonly string[]
  account: string
  practice: string | null
  onContinue: () => void
  continueLabel?: string
}

/** Shows new backup codes once, with copy and download, then lets the person go on. */
export function BackupCodes({ codes, account, practice, onContinue, continueLabel = 'Continue' }: BackupCodesProps) {
  const text = backupCodesText(codes, account, practice)
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        Save these {codes.length} backup codes now: <strong>they are shown only this once.</strong> Each one signs you in once
        when you do not have your authenticator app with you. New codes replace all of these.
      </p>
      <ol aria-label="Backup codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded border border-slate-300 bg-slate-50 p-3 font-mono text-base sm:grid-cols-2">
        {codes.map((code) => <li key={code}>{code}</li>)}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={codes.join('\n')} label="Copy codes" copiedMessage="Backup codes copied." />
        <Button size="sm" onClick={() => downloadText(BACKUP_CODES_FILENAME, text, 'text/plain;charset=utf-8')}>Download as .txt</Button>
      </div>
      <div>
        <Button variant="primary" onClick={onContinue}>{continueLabel}</Button>
      </div>
    </div>
  )
}
