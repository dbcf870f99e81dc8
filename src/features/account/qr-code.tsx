import { useMemo } from 'react'
import { qrPath } from './two-factor-format.ts'

/** A QR code drawn in the page as SVG: nothing is sent anywhere to draw it. */
export function QrCode({ text, label, pixels = 208 }: { text: string; label: string; pixels?: number }) {
  const { path, size } = useMemo(() => qrPath(text), [text])
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={pixels} height={pixels} shapeRendering="crispEdges" className="rounded border border-slate-300">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  )
}
