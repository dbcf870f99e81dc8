import { useId, type ReactNode } from 'react'

/** One admin page: its heading and content. */
export function AdminSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="text-lg font-semibold">{title}</h3>
      {children}
    </section>
  )
}

/** A server's refusal or a failed load, announced. */
export function ErrorText({ message }: { message: string | null }) {
  if (!message) return null
  return <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900">{message}</p>
}
