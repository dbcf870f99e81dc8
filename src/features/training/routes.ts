/**
 * Training mode's own addresses, under #/training. The app hands every #/training… hash to the
 * training pages as a path ('' or '/…'); this module reads and writes that path.
 */
export type TrainingView =
  /** The practice cases by level ('' and '/cases'). */
  | { view: 'cases' }
  /** One practice case to code and submit. */
  | { view: 'case'; caseId: string }
  /** The rule library, with one rule in detail. */
  | { view: 'rules'; ruleId: string | null }
  /** Progress: the current user's own, or (supervisors) every trainee's; `userId` shows one trainee. */
  | { view: 'progress'; userId: string | null }
  /** One graded attempt of a person, as the trainee saw it after submitting. */
  | { view: 'attempt'; userId: string; attemptId: string }
  /** Case authoring (supervisors): a new case, or the practice's case `caseId` to edit. */
  | { view: 'author'; caseId: string | null }
  /** Export and import of practice cases as a JSON file (supervisors). */
  | { view: 'case-file' }

const decode = (part: string | undefined): string | null => {
  if (!part) return null
  try { return decodeURIComponent(part) } catch { return part }
}

export function parseTrainingPath(path: string): TrainingView {
  const [, first, second, third, fourth] = path.split('?', 1)[0].split('/')
  switch (first) {
    case 'cases': { const caseId = decode(second); return caseId ? { view: 'case', caseId } : { view: 'cases' } }
    case 'rules': return { view: 'rules', ruleId: decode(second) }
    case 'progress': {
      const userId = decode(second)
      const attemptId = third === 'attempts' ? decode(fourth) : null
      return userId && attemptId ? { view: 'attempt', userId, attemptId } : { view: 'progress', userId }
    }
    case 'author': return { view: 'author', caseId: decode(second) }
    case 'case-file': return { view: 'case-file' }
    default: return { view: 'cases' }
  }
}

/** The path of a view, e.g. '/cases/tpi-01' (the app writes it as #/training/cases/tpi-01). */
export function trainingPath(view: TrainingView): string {
  const part = (id: string | null) => (id ? `/${encodeURIComponent(id)}` : '')
  switch (view.view) {
    case 'cases': return '/cases'
    case 'case': return `/cases${part(view.caseId)}`
    case 'rules': return `/rules${part(view.ruleId)}`
    case 'progress': return `/progress${part(view.userId)}`
    case 'attempt': return `/progress${part(view.userId)}/attempts${part(view.attemptId)}`
    case 'author': return `/author${part(view.caseId)}`
    case 'case-file': return '/case-file'
  }
}

/** The href of a view, for links. */
export const trainingHref = (view: TrainingView): string => `#/training${trainingPath(view)}`
