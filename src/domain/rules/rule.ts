import type { Coding } from '../coding/coded.ts'
import type { CoverageContext } from '../coverage/types.ts'
import type { Icd10CodeSet } from '../icd10/types.ts'
import type { SourceId } from '../data/sources.ts'
import type { IsoDate } from '../dates.ts'
import type { SessionIndex } from '../history.ts'
import type { BilateralFormat, PayerProfile } from '../payer-profile.ts'
import type { BilateralSetting } from '../coding/modifiers.ts'
import type { Encounter, HistoryLine } from '../schema.ts'
import type { Category, FrequencyCounter, NcciTables, Severity, TraceFact } from '../types.ts'
import type { Family } from '../vocabulary.ts'

/** Everything a check may read: the input, the coded lines and what coding learned, the sessions and counters. */
export interface Facts {
  encounter: Encounter
  history: readonly HistoryLine[]
  dos: IsoDate
  today: IsoDate
  profile: PayerProfile
  /** False when the encounter named a profile the context does not have. */
  profileFound: boolean
  bilateralSetting: BilateralSetting
  bilateralFormat: BilateralFormat
  coding: Coding
  /** Sessions of the history and this encounter, by family, sorted by date. */
  sessions: SessionIndex
  counters: readonly FrequencyCounter[]
  ncci: NcciTables
  /** The loaded ICD-10-CM release in force on the date of service, or null (none loaded, or none for that date). */
  codeSet: Icd10CodeSet | null
  /** How many releases are loaded at all (to tell "none loaded" from "none for this date"). */
  codeSetsLoaded: number
  coverage: CoverageContext | null
  /** Diagnoses written with the decimal point (M47816 becomes M47.816). */
  diagnoses: readonly string[]
}

/** What a check returns each time it fires; the registry adds id, severity, category and source. */
export interface RuleHit {
  message: string
  fix: string
  trace: TraceFact[]
  procedureIndex?: number
  lineIndexes?: number[]
  /** Overrides the rule's source, e.g. with the payer profile value's own citation. */
  source?: string
  interpretation?: string
}

export type RuleScope = Family | 'drug' | 'claim'

interface RuleBase {
  id: string
  title: string
  scope: RuleScope
  severity: Severity
  category: Category
  /** Where the fact comes from; 'payer-profile' and 'ncci-table' mean the data loaded at run time. */
  sources: readonly SourceId[] | 'payer-profile' | 'ncci-table'
  effectiveFrom: IsoDate | null
  effectiveTo: IsoDate | null
  // Why the rule exists lives in rationales.ts (rationaleOf), out of the worksheet's first load.
}

/** A rule that decides lines (code, modifier, units); lines name it in their ruleIds. */
export interface CodingRule extends RuleBase {
  kind: 'coding'
}

/** A rule that reads the facts and reports findings. */
export interface CheckRule extends RuleBase {
  kind: 'check'
  check: (facts: Facts) => RuleHit[]
}

export type RuleDefinition = CodingRule | CheckRule

type RuleInput<R> = Omit<R, 'kind' | 'effectiveFrom' | 'effectiveTo'> & { effectiveFrom?: IsoDate | null; effectiveTo?: IsoDate | null }

export function codingRule(rule: RuleInput<CodingRule>): CodingRule {
  return { kind: 'coding', effectiveFrom: null, effectiveTo: null, ...rule }
}

export function checkRule(rule: RuleInput<CheckRule>): CheckRule {
  return { kind: 'check', effectiveFrom: null, effectiveTo: null, ...rule }
}

/** Indexes of lines matching a predicate. */
export function lineIndexesWhere(facts: Facts, predicate: (code: string, modifiers: readonly string[]) => boolean): number[] {
  const out: number[] = []
  facts.coding.lines.forEach((l, i) => { if (predicate(l.code, l.modifiers)) out.push(i) })
  return out
}
