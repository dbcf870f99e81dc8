import { muscleKeys, type Side } from '../../../domain/index.ts'

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
    if (m.muscle.trim() === '') continue
    for (const key of muscleKeys(m.muscle, m.side === '' ? null : m.side)) keys.add(key)
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
