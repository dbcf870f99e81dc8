import { useEffect, useState } from 'react'
import { Button } from './button.tsx'

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/**
 * Copies `text` and says so in a polite live region. The clipboard API needs a secure origin
 * (https or localhost); elsewhere it says to select and copy the text by hand.
 */
export function CopyButton({ text, label, copiedMessage = 'Copied.' }: { text: string; label: string; copiedMessage?: string }) {
  const [status, setStatus] = useState('')
  useEffect(() => {
    if (!status) return
    const id = setTimeout(() => setStatus(''), 5000)
    return () => clearTimeout(id)
  }, [status])
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" onClick={() => void writeClipboard(text).then((ok) => setStatus(ok ? copiedMessage : 'Copying is not available here: select the text and copy it.'))}>
        {label}
      </Button>
      <span role="status" className="text-sm text-slate-700">{status}</span>
    </span>
  )
}
