import { NdcListSection } from './ndc-list-section.tsx'
import { PayerProfilesSection } from './payer-profiles-section.tsx'
import { ProvidersSection } from './providers-section.tsx'

/** The practice's settings: its providers, its payer profiles and its NDC list. */
export function SettingsPage() {
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <h2 className="text-lg font-semibold text-brand-800">Settings</h2>
      <ProvidersSection />
      <PayerProfilesSection />
      <NdcListSection />
    </div>
  )
}
