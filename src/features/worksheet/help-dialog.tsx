import { Button } from '../../components/button.tsx'
import { Dialog } from '../../components/dialog.tsx'
import { shortcuts } from './shortcuts.ts'

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} actions={<Button variant="primary" onClick={onClose}>Close</Button>}>
      <p className="mb-2 text-sm">Tab moves through the form in order; Space or Enter presses the focused button. Drafts save themselves as you type.</p>
      <table className="w-full text-sm">
        <caption className="sr-only">Shortcuts</caption>
        <thead><tr><th scope="col" className="text-left">Keys</th><th scope="col" className="text-left">Action</th></tr></thead>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys} className="border-t border-slate-200">
              <td className="py-1 pr-4"><kbd className="rounded border border-slate-400 bg-slate-50 px-1 font-mono">{s.keys}</kbd></td>
              <td className="py-1">{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
