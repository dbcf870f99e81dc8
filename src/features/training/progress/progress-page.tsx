import { useMemo, type ReactNode } from 'react'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { useStoreQuery } from '../../../storage/index.ts'
import { useCaseCatalog } from '../catalog.ts'
import { trainingHref } from '../routes.ts'
import { localToday } from './local-date.ts'
import { progressAccess, progressOf, traineeSummaries } from './progress-model.ts'
import { ProgressDetail } from './progress-detail.tsx'
import { TraineeTable } from './trainee-table.tsx'
import { PageSection } from '../page-section.tsx'

const linkClass = 'font-medium text-brand-700 underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus'
const allTraineesHref = trainingHref({ view: 'progress', userId: null })
const casesHref = trainingHref({ view: 'cases' })


const Note = ({ children }: { children: ReactNode }) => (
  <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-800">{children}</p>
)

const Loading = () => <p role="status" className="text-sm text-slate-700">Loading progress…</p>

function AllTrainees() {
  const users = useStoreQuery((s) => s.listUsers(), ['users'], [])
  const attempts = useStoreQuery(async (s) => (await s.training()).listAttempts(), ['attempts'], [])
  const today = localToday()
  const rows = useMemo(() => (users && attempts ? traineeSummaries(users, attempts, today) : undefined), [users, attempts, today])
  return (
    <PageSection heading="Training progress">
      <p className="text-sm text-slate-700">Each trainee's practice at a glance; open a name for their scores by level and family, the rules they miss and their latest attempts.</p>
      {rows === undefined ? <Loading /> : rows.length === 0
        ? <Note>No trainee profile yet, and no one has submitted a practice case.</Note>
        : <TraineeTable rows={rows} />}
    </PageSection>
  )
}

function PersonProgress({ userId, own, viewerName, supervisor }: { userId: string; own: boolean; viewerName: string; supervisor: boolean }) {
  const attempts = useStoreQuery(async (s) => (await s.training()).listAttempts(userId), ['attempts'], [userId])
  const users = useStoreQuery((s) => s.listUsers(), ['users'], [])
  const catalog = useCaseCatalog()
  const today = localToday()
  const progress = useMemo(() => (attempts ? progressOf(attempts, today) : undefined), [attempts, today])
  const profile = users?.find((u) => u.id === userId)
  const name = own ? viewerName : profile?.name ?? progress?.latest?.userName ?? userId
  const back = supervisor && <p className="text-sm"><a href={allTraineesHref} className={linkClass}>All trainees</a></p>

  let body: ReactNode
  if (!progress || !users || !catalog.loaded) body = <Loading />
  else if (!own && !profile && progress.attempts === 0) body = <Note>No one with the id “{userId}” is known on this computer, and no practice attempt is stored under it.</Note>
  else if (progress.attempts === 0) {
    body = own
      ? <Note>You have not submitted a practice case yet. <a href={casesHref} className={linkClass}>Go to the practice cases</a> to start.</Note>
      : <Note>{name} has not submitted a practice case yet.</Note>
  } else body = <ProgressDetail progress={progress} catalog={catalog} />

  return (
    <PageSection heading={own ? 'Training progress' : `Progress of ${name}`}>
      {back}
      {body}
    </PageSection>
  )
}

/**
 * Training progress. Without `userId`, a supervisor sees every trainee and anyone else their own
 * progress; with it, a supervisor sees that person's, and anyone else only their own.
 */
export function ProgressPage({ userId }: { userId: string | null }) {
  const { user } = useCurrentUser()
  const access = progressAccess(user, userId)
  switch (access.kind) {
    case 'no-user':
      return <PageSection heading="Training progress"><Note>Choose your profile first: progress is kept per person.</Note></PageSection>
    case 'refused':
      return (
        <PageSection heading="Training progress">
          <Note>Only supervisors can see another person's progress. <a href={allTraineesHref} className={linkClass}>See your own progress</a>.</Note>
        </PageSection>
      )
    case 'all-trainees':
      return <AllTrainees />
    case 'person':
      return <PersonProgress key={access.userId} userId={access.userId} own={access.own} viewerName={user?.name ?? ''} supervisor={user?.role === 'supervisor'} />
  }
}
