import type { ReactNode } from 'react'
import type { CaseCatalog } from '../catalog.ts'
import { levelLabels } from '../level-labels.ts'
import { countText, familyLabel, percentText } from './progress-format.ts'
import type { Progress } from './progress-model.ts'
import { RecentAttempts } from './recent-attempts.tsx'
import { MostMissedRules, RuleTable } from './rule-progress.tsx'
import { ScoreBar } from './score-bar.tsx'

const cell = 'px-2 py-1.5 align-top'
const tableFrame = 'overflow-x-auto rounded border border-slate-300 bg-white'
const captionClass = 'px-2 py-2 text-left font-medium text-slate-800'
const headClass = 'bg-slate-100 text-left text-slate-900'

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="flex flex-col rounded border border-slate-300 bg-white p-2">
      <dt className="text-xs font-medium text-slate-700">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
      {detail && <dd className="text-xs text-slate-700">{detail}</dd>}
    </div>
  )
}

function Headline({ progress, catalog }: { progress: Progress; catalog: CaseCatalog }) {
  const done = progress.caseIds.filter((id) => catalog.byId(id) !== undefined).length
  const gone = progress.caseIds.length - done
  return (
    <section aria-label="Headline figures">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Attempts" value={progress.attempts.toLocaleString('en-US')} detail={`on ${countText(progress.daysPractised, 'day')}`} />
      <Figure label="Cases done" value={`${done} of ${catalog.cases.length}`} detail={gone > 0 ? `and ${countText(gone, 'case')} no longer offered` : undefined} />
      <Figure label="Average score" value={percentText(progress.averagePercent)} />
      <Figure label="Best score" value={percentText(progress.bestPercent)} />
      <Figure label="Day streak" value={countText(progress.currentDayStreak, 'day')} detail={`longest ${countText(progress.longestDayStreak, 'day')}`} />
      <Figure label="Perfect-score streak" value={countText(progress.currentPerfectStreak, 'attempt')} detail={`longest ${countText(progress.longestPerfectStreak, 'attempt')}`} />
      </dl>
    </section>
  )
}

function LevelTable({ progress }: { progress: Progress }) {
  return (
    <div className={tableFrame}>
      <table className="w-full border-collapse text-sm">
        <caption className={captionClass}>Score by case level</caption>
        <thead className={headClass}>
          <tr><th scope="col" className={cell}>Level</th><th scope="col" className={`${cell} text-right`}>Attempts</th><th scope="col" className={cell}>Average score</th></tr>
        </thead>
        <tbody>
          {progress.byLevel.map((l) => (
            <tr key={l.level} className="border-t border-slate-200">
              <th scope="row" className={`${cell} text-left font-normal`}>{levelLabels[l.level]}</th>
              <td className={`${cell} text-right tabular-nums`}>{l.attempts}</td>
              <td className={cell}>{l.attempts === 0 ? 'not practised yet' : <ScoreBar value={l.averagePercent} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function FamilyTable({ progress }: { progress: Progress }) {
  return (
    <div className={tableFrame}>
      <table className="w-full min-w-[34rem] border-collapse text-sm">
        <caption className={captionClass}>Score by procedure family (a case of two families counts for both)</caption>
        <thead className={headClass}>
          <tr>
            <th scope="col" className={cell}>Family</th>
            <th scope="col" className={`${cell} text-right`}>Attempts</th>
            <th scope="col" className={`${cell} text-right`}>Claim lines</th>
            <th scope="col" className={`${cell} text-right`}>Denial risks</th>
            <th scope="col" className={cell}>Overall</th>
          </tr>
        </thead>
        <tbody>
          {progress.byFamily.map((f) => (
            <tr key={f.family} className="border-t border-slate-200">
              <th scope="row" className={`${cell} text-left font-normal`}>{familyLabel(f.family)}</th>
              <td className={`${cell} text-right tabular-nums`}>{f.attempts}</td>
              <td className={`${cell} text-right tabular-nums`}>{percentText(f.averageLineScore)}</td>
              <td className={`${cell} text-right tabular-nums`}>{percentText(f.averageFindingScore)}</td>
              <td className={cell}>{f.attempts === 0 ? 'not practised yet' : <ScoreBar value={f.averagePercent} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  )
}

/** One person's progress: headline figures, scores by level and family, the rules they miss, and their latest attempts. */
export function ProgressDetail({ progress, catalog }: { progress: Progress; catalog: CaseCatalog }) {
  return (
    <div className="flex flex-col gap-5">
      <Headline progress={progress} catalog={catalog} />
      <Part title="By level and family">
        <div className="grid grid-cols-[minmax(0,1fr)] gap-3 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <LevelTable progress={progress} />
          <FamilyTable progress={progress} />
        </div>
      </Part>
      <Part title="Rules missed most">
        <MostMissedRules rules={progress.mostMissed} />
        <RuleTable rules={progress.rules} />
      </Part>
      <Part title="Latest attempts">
        <RecentAttempts attempts={progress.recent} total={progress.attempts} catalog={catalog} />
      </Part>
    </div>
  )
}
