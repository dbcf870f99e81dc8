import { lookupCode } from '../data/codes.ts'
import type { Encounter } from '../schema.ts'
import type { TraceFact } from '../types.ts'
import type { TriggerPointCoding } from './coded.ts'
import type { Emission } from './emission.ts'

/** Keys a muscle by name and side; a bilateral entry is the left and the right muscle. */
export function muscleKeys(muscle: string, side: 'left' | 'right' | 'bilateral' | null): string[] {
  const name = muscle.trim().toLowerCase().replace(/\s+/g, ' ')
  if (side === 'bilateral') return [`${name}|left`, `${name}|right`]
  return [`${name}|${side ?? 'side not documented'}`]
}

/**
 * One trigger point line for the date, whatever the number of entries or needles:
 * 20552 for 1-2 distinct muscles, 20553 for 3 or more, one unit, no side modifier.
 * Dry needling and acupuncture entries never become a 2055x line.
 */
export function codeTriggerPoints(encounter: Encounter): { coding: TriggerPointCoding | null; emission: Emission | null } {
  const injectionIndexes: number[] = []
  const keys = new Set<string>()
  let anyTriggerPoint = false
  encounter.procedures.forEach((p, i) => {
    if (p.type !== 'trigger-point') return
    anyTriggerPoint = true
    if (p.technique !== 'injection') return
    injectionIndexes.push(i)
    for (const m of p.muscles) for (const k of muscleKeys(m.muscle, m.side)) keys.add(k)
  })
  if (!anyTriggerPoint) return { coding: null, emission: null }
  const coding: TriggerPointCoding = { injectionProcedureIndexes: injectionIndexes, distinctMuscles: [...keys], lineIndex: null }
  if (keys.size === 0) return { coding, emission: null }

  const code = keys.size >= 3 ? '20553' : '20552'
  const injections = injectionIndexes.reduce((sum, i) => {
    const p = encounter.procedures[i]
    return p?.type === 'trigger-point' ? sum + p.muscles.reduce((s, m) => s + m.injections, 0) : sum
  }, 0)
  const trace: TraceFact[] = [
    { fact: 'distinct muscles (muscle + side)', value: keys.size },
    { fact: 'muscles', value: [...keys].map((k) => k.replace('|', ' ')).join(', ') },
    { fact: 'injections in all (do not change the units)', value: injections },
    { fact: 'trigger point entries merged', value: injectionIndexes.length },
  ]
  const firstIndex = injectionIndexes[0] ?? 0
  return {
    coding,
    emission: {
      order: firstIndex,
      drafts: [{
        code, modifiers: [], units: 1, label: lookupCode(code)?.label ?? code, procedureIndex: firstIndex,
        origin: 'procedure', ruleIds: ['TPI-CODE'], trace,
      }],
      attach: ([index]) => { coding.lineIndex = index ?? null },
    },
  }
}
