import { useId, type ReactNode } from 'react'
import type { Insights, ChartId } from './insights-types.ts'
import { BarChart } from './bar-chart.tsx'

interface ChartSpec {
  id: ChartId
  description: string
}

const FLAG_CHARTS: readonly ChartSpec[] = [
  { id: 'flags-category', description: 'Each flagged line once, by its most serious finding.' },
  { id: 'flags-rule', description: 'A line counts under every rule that flagged it.' },
  { id: 'flags-provider', description: 'Flagged lines by rendering provider.' },
  { id: 'flags-payer', description: 'Flagged lines by the payer profile they were coded against.' },
  { id: 'flags-month', description: 'Flagged lines by the month of their date of service.' },
]

const DENIAL_CHARTS: readonly ChartSpec[] = [
  { id: 'denials-category', description: 'Why the payer denied the line, from its reason codes.' },
  { id: 'denials-rule', description: '“No rule flagged it”: a payer policy the rules do not check yet.' },
  { id: 'denials-provider', description: 'Denied lines by rendering provider.' },
  { id: 'denials-payer', description: 'Denied lines by the payer that sent the remittance.' },
  { id: 'denials-month', description: 'By date of service, else by payment date.' },
]

const OVERRIDDEN_CHARTS: readonly ChartSpec[] = [
  { id: 'overridden-rule', description: 'The findings a supervisor overrode on lines the payer then denied.' },
  { id: 'overridden-coder', description: 'Who finalized the encounter.' },
  { id: 'overridden-supervisor', description: 'Who overrode the finding.' },
]

const EMPTY_TEXT = {
  flags: 'No flagged lines in these dates.',
  denials: 'No denied lines in these dates.',
  overridden: 'No denied line had been overridden, in these dates.',
} as const

function Section({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-3">
      <h3 id={id} className="text-base font-semibold text-brand-800">{title}</h3>
      <p className="text-sm text-slate-700">{intro}</p>
      {children}
    </section>
  )
}

function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-800">{children}</p>
}

function RemittancesLink() {
  return <a href="#/review/remittances" className="font-medium text-brand-700 underline">Go to Remittances</a>
}

function Charts({ insights, specs, onOpenQueue }: { insights: Insights; specs: readonly ChartSpec[]; onOpenQueue: (query: string) => void }) {
  return (
    <div className="grid min-w-0 gap-3">
      {specs.map(({ id, description }) => {
        const chart = insights.charts[id]
        return <BarChart key={id} chart={chart} lines={insights.lines} range={insights.range} description={description} emptyText={EMPTY_TEXT[chart.kind]} onOpenQueue={onOpenQueue} />
      })}
    </div>
  )
}

interface SectionProps {
  insights: Insights
  onOpenQueue: (query: string) => void
}

export function FlagsSection({ insights, onOpenQueue }: SectionProps) {
  return (
    <Section title="Flags from review" intro="Finalized claim lines with an error or warning finding, whatever the supervisor decided.">
      {insights.totals.finalizedEncounters === 0
        ? <EmptyNote>No encounter has been finalized yet. Flags appear here once coders finalize worksheets.</EmptyNote>
        : <Charts insights={insights} specs={FLAG_CHARTS} onOpenQueue={onOpenQueue} />}
    </Section>
  )
}

export function DenialsSection({ insights, onOpenQueue }: SectionProps) {
  return (
    <Section title="Denials from payers" intro="Lines denied in the imported remittance (835) files, in full or in part.">
      {insights.totals.remittanceFiles === 0
        ? <EmptyNote>No remittance file has been imported yet. Denials appear here once a payer&apos;s 835 file is imported. <RemittancesLink /></EmptyNote>
        : <Charts insights={insights} specs={DENIAL_CHARTS} onOpenQueue={onOpenQueue} />}
    </Section>
  )
}

export function OverriddenSection({ insights, onOpenQueue }: SectionProps) {
  return (
    <Section title="Overridden, then denied"
      intro="Denied lines on which a supervisor had overridden a finding on or before the payment date: the overrides the payer did not accept.">
      {insights.totals.remittanceFiles === 0
        ? <EmptyNote>This needs imported remittances: it compares the payers&apos; denials with the supervisors&apos; overrides. <RemittancesLink /></EmptyNote>
        : <Charts insights={insights} specs={OVERRIDDEN_CHARTS} onOpenQueue={onOpenQueue} />}
    </Section>
  )
}
