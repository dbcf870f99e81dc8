import type { ReactNode } from 'react'

export const PRODUCT_NAME = 'Injection Coding Worksheet'

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-brand-50 text-slate-900">
      <a
        href="#main"
        className="sr-only rounded bg-white px-4 py-2 font-medium text-brand-800 focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:outline-3 focus:outline-focus"
      >
        Skip to main content
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto max-w-6xl px-4 py-4 sm:px-6">
          <h1 className="text-xl font-semibold tracking-tight">{PRODUCT_NAME}</h1>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6"
      >
        {children}
      </main>
      <footer className="border-t border-brand-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-3 text-sm text-slate-700 sm:px-6">
          Runs entirely in your browser. Patient data stays on this machine.
        </p>
      </footer>
    </div>
  )
}
