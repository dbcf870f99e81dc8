import { useEffect, useId, useRef, type ReactNode } from 'react'

interface AuthCardProps {
  title: string
  children: ReactNode
  /**
   * Moves focus to the heading: when this screen replaces another (sign-in after sign-out, the
   * two-factor step after the password). On a fresh page load focus stays at the top.
   */
  focusHeading?: boolean
  /** A wider card (the authenticator set-up). */
  wide?: boolean
}

/** The frame of a sign-in step: a card with its heading, centred in the page. */
export function AuthCard({ title, children, focusHeading = false, wide = false }: AuthCardProps) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => { if (focusHeading) heading.current?.focus() }, [focusHeading])
  return (
    <section aria-labelledby={headingId} className={`mx-auto flex w-full flex-col gap-4 rounded-lg border border-brand-200 bg-white p-6 shadow-sm ${wide ? 'max-w-2xl' : 'max-w-md'}`}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">{title}</h2>
      {children}
    </section>
  )
}

/** A message from the server or about the request, announced at once. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null
  return <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900">{message}</p>
}

/** A notice carried over from a previous screen (signed out after inactivity). */
export function Notice({ message }: { message: string | null }) {
  if (!message) return null
  return <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{message}</p>
}
