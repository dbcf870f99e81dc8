import { memo } from 'react'
import type { PayerProfile, ProcedureType } from '../../../domain/index.ts'
import type { ProviderRecord } from '../../../storage/index.ts'
import type { FormIssue } from '../model/index.ts'
import { DocumentationChecklist } from './documentation-checklist.tsx'
import { DrugsSection } from './drugs-section.tsx'
import { EncounterHeader } from './encounter-header.tsx'
import { OtherLinesSection } from './other-lines-section.tsx'
import { ProceduresSection } from './procedures-section.tsx'

export interface FormSectionsProps {
  providers: readonly ProviderRecord[]
  payerProfiles: readonly PayerProfile[]
  issues: FormIssue[]
  needsPriorAuth: boolean
  addRequest: { type: ProcedureType; nonce: number } | null
  onManageProviders: () => void
  /** The form's accessible name; "Encounter" by default. */
  label?: string
}

/** The form's sections; their fields are uncontrolled, so they re-render only when these props change. */
export const FormSections = memo(function FormSections({ providers, payerProfiles, issues, needsPriorAuth, addRequest, onManageProviders, label = 'Encounter' }: FormSectionsProps) {
  return (
    <form className="flex min-w-0 flex-col gap-4" aria-label={label} onSubmit={(e) => e.preventDefault()} data-print="hide">
      <EncounterHeader providers={providers} payerProfiles={payerProfiles} issues={issues} needsPriorAuth={needsPriorAuth} onManageProviders={onManageProviders} />
      <ProceduresSection addRequest={addRequest} issues={issues} />
      <DrugsSection issues={issues} />
      <OtherLinesSection issues={issues} />
      <DocumentationChecklist />
    </form>
  )
})
