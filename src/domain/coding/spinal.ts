import { lookupCode } from '../data/codes.ts'
import type { BilateralFormat } from '../payer-profile.ts'
import type { Encounter, LevelEntry } from '../schema.ts'
import type { TraceFact } from '../types.ts'
import {
  levelRank, regionLabels, regionOfLevel, THORACOLUMBAR_LEVEL,
  type EpiduralPurpose, type FacetPurpose, type SpinalRegion,
} from '../vocabulary.ts'
import type { CodedLevel, LineDraft, SpinalGroup } from './coded.ts'
import type { Emission } from './emission.ts'
import { combineSides, linesForSide } from './modifiers.ts'

type GroupFamily = SpinalGroup['family']

/** Code for the first level, the second level, and the rest, per family and region. */
interface CodeLadder {
  first: string
  second: string
  further: string
  /** Facet codes: one line (one unit) covers every level from the third on. */
  furtherCombined: boolean
  ruleId: string
}

function ladderOf(family: GroupFamily, region: SpinalRegion, ultrasound: boolean): CodeLadder {
  const ct = region === 'cervical-thoracic'
  switch (family) {
    case 'facet-injection':
      if (ultrasound) {
        return ct
          ? { first: '0213T', second: '0214T', further: '0215T', furtherCombined: true, ruleId: 'FAC-CODE' }
          : { first: '0216T', second: '0217T', further: '0218T', furtherCombined: true, ruleId: 'FAC-CODE' }
      }
      return ct
        ? { first: '64490', second: '64491', further: '64492', furtherCombined: true, ruleId: 'FAC-CODE' }
        : { first: '64493', second: '64494', further: '64495', furtherCombined: true, ruleId: 'FAC-CODE' }
    case 'facet-rfa':
      return ct
        ? { first: '64633', second: '64634', further: '64634', furtherCombined: false, ruleId: 'RFA-CODE' }
        : { first: '64635', second: '64636', further: '64636', furtherCombined: false, ruleId: 'RFA-CODE' }
    case 'epidural-transforaminal':
      return ct
        ? { first: '64479', second: '64480', further: '64480', furtherCombined: false, ruleId: 'ESI-TF-CODE' }
        : { first: '64483', second: '64484', further: '64484', furtherCombined: false, ruleId: 'ESI-TF-CODE' }
  }
}

interface Entry {
  entry: LevelEntry
  procedureIndex: number
  purpose: FacetPurpose | EpiduralPurpose | null
  ultrasound: boolean
}

function entriesOf(encounter: Encounter, family: GroupFamily): Entry[] {
  const out: Entry[] = []
  encounter.procedures.forEach((p, procedureIndex) => {
    if (family === 'facet-injection' && p.type === 'facet-injection') {
      for (const entry of p.levels) out.push({ entry, procedureIndex, purpose: p.purpose, ultrasound: p.guidance === 'ultrasound' })
    } else if (family === 'facet-rfa' && p.type === 'facet-rfa') {
      for (const entry of p.levels) out.push({ entry, procedureIndex, purpose: null, ultrasound: false })
    } else if (family === 'epidural-transforaminal' && p.type === 'epidural' && p.approach === 'transforaminal') {
      for (const entry of p.levels) out.push({ entry, procedureIndex, purpose: p.purpose, ultrasound: false })
    }
  })
  return out
}

function isInformationalPurpose(purpose: CodedLevel['purpose']): boolean {
  return purpose === 'diagnostic' || purpose === 'diagnostic-nerve-root-block'
}

/**
 * Codes facet injections, facet RFA and transforaminal epidurals: levels grouped by
 * region (and by ultrasound for facets), ordered head to tail, the first level on the
 * primary code and the rest on add-ons; each level's side becomes RT/LT or the payer's
 * bilateral format; KX marks diagnostic facet levels and diagnostic nerve root blocks.
 */
export function codeSpinalFamily(encounter: Encounter, family: GroupFamily, format: BilateralFormat): { groups: SpinalGroup[]; emissions: Emission[] } {
  const byGroup = new Map<string, { region: SpinalRegion; ultrasound: boolean; firstProcedure: number; levels: Map<string, CodedLevel> }>()
  for (const e of entriesOf(encounter, family)) {
    const region = regionOfLevel(e.entry.level)
    const key = `${region}|${e.ultrasound ? 'us' : 'std'}`
    let group = byGroup.get(key)
    if (!group) {
      group = { region, ultrasound: e.ultrasound, firstProcedure: e.procedureIndex, levels: new Map() }
      byGroup.set(key, group)
    }
    const existing = group.levels.get(e.entry.level)
    if (existing) {
      existing.side = combineSides([existing.side, e.entry.side])
      existing.mergedEntries += 1
      if (isInformationalPurpose(e.purpose)) existing.purpose = e.purpose
    } else {
      group.levels.set(e.entry.level, {
        level: e.entry.level, side: e.entry.side, procedureIndex: e.procedureIndex, purpose: e.purpose,
        ordinal: 0, mergedEntries: 1, lineIndexes: [],
      })
    }
  }

  const groups: SpinalGroup[] = []
  const emissions: Emission[] = []
  for (const g of byGroup.values()) {
    const levels = [...g.levels.values()].sort((a, b) => levelRank(a.level) - levelRank(b.level))
    levels.forEach((l, i) => { l.ordinal = i + 1 })
    const group: SpinalGroup = { family, region: g.region, ultrasound: g.ultrasound, levels, lineIndexes: [] }
    groups.push(group)
    const ladder = ladderOf(family, g.region, g.ultrasound)
    const blocks: { levels: CodedLevel[]; code: string }[] = []
    for (const l of levels) {
      if (l.ordinal === 1) blocks.push({ levels: [l], code: ladder.first })
      else if (l.ordinal === 2 || !ladder.furtherCombined) blocks.push({ levels: [l], code: l.ordinal === 2 ? ladder.second : ladder.further })
      else if (l.ordinal === 3) blocks.push({ levels: [l], code: ladder.further })
      else blocks.at(-1)?.levels.push(l)
    }
    const drafts: LineDraft[] = []
    const owners: CodedLevel[][] = []
    for (const block of blocks) {
      const side = block.levels.length === 1 ? (block.levels[0]?.side ?? null) : combineSides(block.levels.map((l) => l.side))
      const informational = block.levels.some((l) => isInformationalPurpose(l.purpose))
      const kxRule = family === 'facet-injection' ? 'FAC-KX' : 'ESI-DSNRB-KX'
      const ruleIds = [ladder.ruleId]
      if (informational) ruleIds.push(kxRule)
      if (side === 'bilateral') ruleIds.push('BILAT-FORMAT')
      if (family === 'epidural-transforaminal' && block.levels.some((l) => l.level === THORACOLUMBAR_LEVEL)) ruleIds.push('ESI-TF-T12L1')
      const first = block.levels[0]
      const trace: TraceFact[] = [
        { fact: 'region', value: regionLabels[g.region] },
        { fact: block.levels.length > 1 ? 'levels on this line' : 'level', value: block.levels.map((l) => l.level).join(', ') },
        { fact: 'position in region', value: block.levels.map((l) => l.ordinal).join(', ') },
        { fact: 'side', value: side },
      ]
      if (side === 'bilateral') trace.push({ fact: 'bilateral format', value: format })
      if (informational) trace.push({ fact: 'purpose', value: first?.purpose ?? null })
      if (g.ultrasound) trace.push({ fact: 'guidance', value: 'ultrasound' })
      for (const sl of linesForSide(side, format, informational ? ['KX'] : [])) {
        drafts.push({
          code: block.code, modifiers: sl.modifiers, units: sl.units, label: lookupCode(block.code)?.label ?? block.code,
          procedureIndex: first?.procedureIndex ?? g.firstProcedure, origin: 'procedure', ruleIds: [...ruleIds], trace: [...trace],
        })
        owners.push(block.levels)
      }
    }
    emissions.push({
      order: g.firstProcedure,
      drafts,
      attach: (indexes) => {
        group.lineIndexes = indexes
        indexes.forEach((lineIndex, i) => { for (const l of owners[i] ?? []) l.lineIndexes.push(lineIndex) })
      },
    })
  }
  return { groups, emissions }
}
