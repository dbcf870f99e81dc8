import { lookupCode } from '../data/codes.ts'
import type { Encounter, EpiduralProcedure } from '../schema.ts'
import type { TraceFact } from '../types.ts'
import { regionLabels, regionOfLevel, type SpinalRegion } from '../vocabulary.ts'
import type { InterlaminarGroup } from './coded.ts'
import type { Emission } from './emission.ts'

/** Region of an interlaminar or caudal epidural: caudal is sacral; otherwise the first level, else the stated region. */
export function interlaminarRegionOf(p: EpiduralProcedure): SpinalRegion | null {
  if (p.approach === 'caudal') return 'lumbar-sacral'
  const first = p.levels[0]
  if (first) return regionOfLevel(first.level)
  return p.region ?? null
}

function isFluoroOrCt(p: EpiduralProcedure): boolean {
  return p.guidance === 'fluoroscopy' || p.guidance === 'ct'
}

/**
 * One line per region for interlaminar and caudal epidurals of the session: 62320/62321
 * cervical-thoracic, 62322/62323 lumbar-sacral, the imaging code only with fluoroscopy
 * or CT; one unit and never a side modifier (bilateral indicator 0).
 */
export function codeInterlaminar(encounter: Encounter): { groups: InterlaminarGroup[]; emissions: Emission[] } {
  const byRegion = new Map<SpinalRegion, { indexes: number[]; levels: number; imaging: boolean; approaches: Set<string> }>()
  encounter.procedures.forEach((p, i) => {
    if (p.type !== 'epidural' || p.approach === 'transforaminal') return
    const region = interlaminarRegionOf(p)
    if (!region) return
    const g = byRegion.get(region) ?? { indexes: [], levels: 0, imaging: false, approaches: new Set<string>() }
    g.indexes.push(i)
    g.levels += Math.max(p.levels.length, 1)
    g.imaging ||= isFluoroOrCt(p)
    g.approaches.add(p.approach)
    byRegion.set(region, g)
  })
  const groups: InterlaminarGroup[] = []
  const emissions: Emission[] = []
  for (const [region, g] of byRegion) {
    const ct = region === 'cervical-thoracic'
    const code = ct ? (g.imaging ? '62321' : '62320') : (g.imaging ? '62323' : '62322')
    const group: InterlaminarGroup = { region, procedureIndexes: g.indexes, levelCount: g.levels, lineIndex: -1 }
    groups.push(group)
    const trace: TraceFact[] = [
      { fact: 'approach', value: [...g.approaches].join(' + ') },
      { fact: 'region', value: regionLabels[region] },
      { fact: 'fluoroscopy or CT guidance', value: g.imaging },
    ]
    emissions.push({
      order: g.indexes[0] ?? 0,
      drafts: [{
        code, modifiers: [], units: 1, label: lookupCode(code)?.label ?? code, procedureIndex: g.indexes[0] ?? null,
        origin: 'procedure', ruleIds: ['ESI-IL-CODE'], trace,
      }],
      attach: ([index]) => { group.lineIndex = index ?? -1 },
    })
  }
  return { groups, emissions }
}
