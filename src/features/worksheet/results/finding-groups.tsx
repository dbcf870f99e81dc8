import { useId, useState, type ReactNode } from 'react'
import type { ClaimLine, Severity } from '../../../domain/index.ts'
import type { WorksheetValues } from '../model/index.ts'
import { FindingItem } from './finding-item.tsx'
import type { FindingGroups as Groups, KeyedFinding } from './summarize.ts'

interface ListProps {
  items: readonly KeyedFinding[]
  lines: readonly ClaimLine[]
  values: WorksheetValues
  onApplyFix: (next: WorksheetValues, label: string) => void
  compact?: boolean
}

function FindingList({ items, compact, ...rest }: ListProps) {
  return (
    <ul className="flex flex-col gap-2">
      {items.map(({ key, finding }) => <FindingItem key={key} finding={finding} compact={compact ?? false} {...rest} />)}
    </ul>
  )
}

function Disclosure({ open, onToggle, controls, children }: { open: boolean; onToggle: () => void; controls: string; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className="self-start rounded text-sm font-medium text-brand-700 underline hover:text-brand-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
    >
      {children}
    </button>
  )
}

const titles: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' }
const emptyText: Record<Severity, string> = { error: 'No errors.', warning: 'No warnings.', info: 'No notes.' }

function GroupHeading({ severity, count }: { severity: Severity; count: number }) {
  return <h3 className="text-base font-semibold text-slate-900">{titles[severity]} ({count})</h3>
}

function DocumentationList({ items, ...rest }: Omit<ListProps, 'compact'>) {
  const [open, setOpen] = useState(false)
  const listId = useId()
  const fix = items[0]?.finding.fix
  return (
    <div className="flex flex-col gap-1.5 rounded border border-amber-200 bg-amber-50/50 p-2">
      <h4 className="text-sm font-semibold text-slate-900">Documentation to confirm ({items.length})</h4>
      {fix ? <p className="text-sm text-slate-800"><span className="font-semibold">Fix:</span> {fix}</p> : null}
      <Disclosure open={open} onToggle={() => setOpen((o) => !o)} controls={listId}>
        {open ? 'Hide the documentation items' : `Show the ${items.length} documentation items`}
      </Disclosure>
      <div id={listId} hidden={!open}>
        {open ? <FindingList items={items} compact {...rest} /> : null}
      </div>
    </div>
  )
}

function InfoGroup({ items, ...rest }: Omit<ListProps, 'compact'>) {
  const [open, setOpen] = useState(false)
  const listId = useId()
  return (
    <div className="flex flex-col gap-2">
      <GroupHeading severity="info" count={items.length} />
      {items.length === 0 ? <p className="text-sm text-slate-700">{emptyText.info}</p> : (
        <>
          <Disclosure open={open} onToggle={() => setOpen((o) => !o)} controls={listId}>
            {open ? 'Hide info notes' : `Show ${items.length} info ${items.length === 1 ? 'note' : 'notes'}`}
          </Disclosure>
          <div id={listId} hidden={!open}>
            {open ? <FindingList items={items} {...rest} /> : null}
          </div>
        </>
      )}
    </div>
  )
}

export interface FindingGroupsViewProps {
  groups: Groups
  lines: readonly ClaimLine[]
  values: WorksheetValues
  onApplyFix: (next: WorksheetValues, label: string) => void
}

/** Errors, warnings (documentation items in their own sub-list) and info, with counts in the headings. */
export function FindingGroupsView({ groups, ...rest }: FindingGroupsViewProps) {
  return (
    <>
      <div className="flex flex-col gap-2">
        <GroupHeading severity="error" count={groups.counts.error} />
        {groups.error.length === 0 ? <p className="text-sm text-slate-700">{emptyText.error}</p> : <FindingList items={groups.error} {...rest} />}
      </div>
      <div className="flex flex-col gap-2">
        <GroupHeading severity="warning" count={groups.counts.warning} />
        {groups.counts.warning === 0 ? <p className="text-sm text-slate-700">{emptyText.warning}</p> : null}
        {groups.warning.length > 0 ? <FindingList items={groups.warning} {...rest} /> : null}
        {groups.documentation.length > 0 ? <DocumentationList items={groups.documentation} {...rest} /> : null}
      </div>
      <InfoGroup items={groups.info} {...rest} />
    </>
  )
}
