import { useId, type ReactNode } from 'react'

/** A training page's main region, named by its h2 heading. */
export function PageSection({ heading, children }: { heading: string; children: ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-4">
      <h2 id={id} className="text-lg font-semibold text-brand-800">{heading}</h2>
      {children}
    </section>
  )
}
