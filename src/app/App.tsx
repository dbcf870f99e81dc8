import { AppShell } from './app-shell.tsx'

export function App() {
  return (
    <AppShell>
      <section aria-labelledby="about-heading" className="max-w-3xl">
        <h2 id="about-heading" className="text-lg font-semibold text-brand-800">
          Code pain-management injections right the first time
        </h2>
        <p className="mt-2 leading-relaxed">
          Enter a trigger point, facet joint, radiofrequency ablation or epidural steroid
          injection procedure. The worksheet suggests CPT/HCPCS codes, modifiers and units as
          you type, and names every denial risk together with its fix.
        </p>
      </section>
    </AppShell>
  )
}
