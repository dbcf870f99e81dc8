import { SPINAL_LEVELS, levelRank, type Side, type SpinalLevel } from '../../../domain/index.ts'
import type { LevelValues } from '../model/index.ts'

export interface LevelGroup {
  id: 'cervical' | 'thoracic' | 'lumbar'
  label: string
  levels: SpinalLevel[]
}

/** Visual groups by the upper vertebra (T12-L1 sits with the thoracic levels, as regionOfLevel has it). */
export const levelGroups: readonly LevelGroup[] = [
  { id: 'cervical', label: 'Cervical', levels: SPINAL_LEVELS.filter((l) => l.startsWith('C')) },
  { id: 'thoracic', label: 'Thoracic', levels: SPINAL_LEVELS.filter((l) => l.startsWith('T')) },
  { id: 'lumbar', label: 'Lumbar', levels: SPINAL_LEVELS.filter((l) => l.startsWith('L')) },
]

/** The levels with one level set to a side ('' = side not documented) or removed (null), in head-to-tail order. */
export function setLevelSide(levels: readonly LevelValues[], level: SpinalLevel, side: Side | '' | null, single = false): LevelValues[] {
  const others = single ? [] : levels.filter((l) => l.level !== level)
  const next = side === null ? others : [...others, { level, side }]
  return next.sort((a, b) => levelRank(a.level) - levelRank(b.level))
}

const sideWords: Readonly<Record<string, Side>> = {
  L: 'left', LT: 'left', LEFT: 'left',
  R: 'right', RT: 'right', RIGHT: 'right',
  B: 'bilateral', BOTH: 'bilateral', BILAT: 'bilateral', BILATERAL: 'bilateral', '50': 'bilateral',
}

const sideLetters: Readonly<Record<Side | '', string>> = { left: 'L', right: 'R', bilateral: 'B', '': '' }

function parseLevel(text: string): SpinalLevel | null {
  const m = /^([CTL])(\d{1,2})-?([CTLS])?(\d{1,2})$/.exec(text)
  if (!m) return null
  const [, upper = '', n = '', lower, m2 = ''] = m
  const candidate = `${upper}${n}-${lower ?? upper}${m2}`
  return (SPINAL_LEVELS as readonly string[]).includes(candidate) ? (candidate as SpinalLevel) : null
}

/** Reads "L4-L5 B, L5-S1 R" (also "L4-5 both", "l5-s1 right"); a level without a side has no documented side. */
export function parseLevelText(text: string): { levels: LevelValues[]; errors: string[] } {
  let levels: LevelValues[] = []
  const errors: string[] = []
  for (const part of text.split(/[,;\n]+/)) {
    const words = part.trim().toUpperCase().split(/\s+/).filter((w) => w !== '')
    if (words.length === 0) continue
    const [first = '', second] = words
    const level = parseLevel(first)
    const side = second === undefined ? '' : sideWords[second]
    if (level === null || side === undefined || words.length > 2) {
      errors.push(`Could not read "${part.trim()}"`)
      continue
    }
    levels = setLevelSide(levels, level, side)
  }
  return { levels, errors }
}

/** "L4-L5 B, L5-S1 R", the text form parseLevelText reads. */
export function formatLevelText(levels: readonly LevelValues[]): string {
  return levels.map((l) => `${l.level}${sideLetters[l.side] ? ` ${sideLetters[l.side]}` : ''}`).join(', ')
}
