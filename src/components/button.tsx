import type { ComponentPropsWithRef } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

const variants: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 border-transparent',
  secondary: 'bg-white text-slate-900 hover:bg-slate-100 border-slate-400',
  danger: 'bg-red-700 text-white hover:bg-red-800 border-transparent',
  ghost: 'bg-transparent text-brand-700 hover:bg-slate-100 border-transparent',
}

export function Button({ variant = 'secondary', size = 'md', className = '', type = 'button', ...props }: ComponentPropsWithRef<'button'> & { variant?: Variant; size?: 'sm' | 'md' }) {
  const pad = size === 'sm' ? 'px-2 py-1 text-sm' : 'px-3 py-1.5'
  return (
    <button
      type={type}
      className={`inline-flex items-center gap-1 rounded border font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus disabled:cursor-not-allowed disabled:opacity-50 ${pad} ${variants[variant]} ${className}`}
      {...props}
    />
  )
}
