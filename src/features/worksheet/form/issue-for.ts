import type { FormIssue } from '../model/index.ts'

/** The message(s) of the issues at exactly this form path, joined, or undefined when there are none. */
export function issueFor(issues: readonly FormIssue[], path: string): string | undefined {
  const messages = issues.filter((i) => i.path === path).map((i) => i.message)
  return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined
}

/** Like issueFor, but also takes the issues of anything under the path (e.g. `otherLines.0.modifiers.1`). */
export function issueUnder(issues: readonly FormIssue[], path: string): string | undefined {
  const messages = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message)
  return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined
}
