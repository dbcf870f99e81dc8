import type { TrainingView } from './routes.ts'
import { trainingHref } from './routes.ts'

type Section = 'cases' | 'rules' | 'progress' | 'author' | 'case-file'

const sectionOf = (view: TrainingView): Section => (view.view === 'case' ? 'cases' : view.view === 'attempt' ? 'progress' : view.view)

const link = (active: boolean) =>
  `rounded px-2 py-1 text-sm font-medium ${active ? 'bg-brand-700 text-white' : 'text-brand-800 underline hover:bg-brand-100'}`

/** Training mode's own sections; writing cases and the case file are for supervisors. */
export function TrainingNav({ view, supervisor }: { view: TrainingView; supervisor: boolean }) {
  const current = sectionOf(view)
  const items: [Section, string, string][] = [
    ['cases', trainingHref({ view: 'cases' }), 'Practice cases'],
    ['rules', trainingHref({ view: 'rules', ruleId: null }), 'Rule library'],
    ['progress', trainingHref({ view: 'progress', userId: null }), supervisor ? 'Trainees\' progress' : 'My progress'],
    ...(supervisor ? [
      ['author', trainingHref({ view: 'author', caseId: null }), 'Write a case'] as [Section, string, string],
      ['case-file', trainingHref({ view: 'case-file' }), 'Case file'] as [Section, string, string],
    ] : []),
  ]
  return (
    <nav aria-label="Training" className="mb-4 flex flex-wrap gap-2 border-b border-brand-200 pb-2" data-print="hide">
      {items.map(([section, href, label]) => (
        <a key={section} href={href} aria-current={current === section ? 'page' : undefined} className={link(current === section)}>{label}</a>
      ))}
    </nav>
  )
}
