import type { Side } from '../../../domain/index.ts'

interface MuscleLike {
  muscle: string
  side: Side | ''
}

/**
 * Distinct muscles as the trigger point rule counts them: lower-cased, trimmed name plus
 * side; a bilateral entry is the left and the right muscle; entries without a name are
 * still being typed and do not count.
 */
export function distinctMuscleKeys(muscles: readonly MuscleLike[]): string[] {
  const keys = new Set<string>()
  for (const m of muscles) {
    const name = m.muscle.trim().toLowerCase().replace(/\s+/g, ' ')
    if (name === '') continue
    if (m.side === 'bilateral') {
      keys.add(`${name}|left`)
      keys.add(`${name}|right`)
    } else {
      keys.add(`${name}|${m.side === '' ? 'side not documented' : m.side}`)
    }
  }
  return [...keys]
}

/** 20552 for 1-2 distinct muscles, 20553 for 3 or more, none for 0. */
export function triggerPointCodeFor(distinctMuscles: number): '20552' | '20553' | null {
  if (distinctMuscles <= 0) return null
  return distinctMuscles >= 3 ? '20553' : '20552'
}

/** "3 distinct muscles (muscle + side) → 20553" */
export function describeMuscleCount(distinctMuscles: number): string {
  const code = triggerPointCodeFor(distinctMuscles)
  if (code === null) return 'No muscle named yet'
  const noun = distinctMuscles === 1 ? 'distinct muscle' : 'distinct muscles'
  return `${distinctMuscles} ${noun} (muscle + side) → ${code}`
}
