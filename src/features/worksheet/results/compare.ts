import {
  bilateralFormatLabels, bilateralSettingOf, createContext, evaluate,
  type BilateralFormat, type BilateralSetting, type HistoryLine, type NdcListEntry, type PayerProfile,
} from '../../../domain/index.ts'
import { worksheetToInput, type WorksheetValues } from '../model/index.ts'
import { describeLine } from './summarize.ts'

const settingWords: Readonly<Record<BilateralSetting, string>> = {
  professional: 'On a professional claim',
  hospitalOutpatientFacility: 'On a hospital outpatient facility claim',
  ascFacility: 'On an ASC facility claim',
}

/** "On a professional claim, a bilateral level goes on as one line with modifier 50, one unit." */
export function describeBilateral(setting: BilateralSetting, format: BilateralFormat, verified: boolean): string {
  const label = bilateralFormatLabels[format]
  const words = label.charAt(0).toLowerCase() + label.slice(1)
  return `${settingWords[setting]}, a bilateral procedure goes on as ${words}${verified ? '.' : ' (not verified for this payer).'}`
}

export interface ComparedLine {
  text: string
  /** Not on every compared payer's claim (or on it fewer times). */
  differs: boolean
}

export interface PayerColumn {
  profile: PayerProfile
  lines: ComparedLine[]
  errors: number
  warnings: number
  bilateral: string
}

function countOf(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1)
  return counts
}

/** The encounter on the form evaluated under each profile, with the lines that differ between them marked. */
export function comparePayers(values: WorksheetValues, history: readonly HistoryLine[], today: string, profiles: readonly PayerProfile[], ndcList: readonly NdcListEntry[] = []): PayerColumn[] {
  const { input } = worksheetToInput(values, history, today)
  const context = createContext(today, { payerProfiles: profiles, ndcList })
  const setting = bilateralSettingOf(values.claimType, values.placeOfService)
  const evaluated = profiles.map((profile) => {
    const result = evaluate({ ...input, encounter: { ...input.encounter, payerProfile: profile.id } }, context)
    return { profile, result, texts: result.lines.map(describeLine) }
  })
  const counts = evaluated.map((e) => countOf(e.texts))
  return evaluated.map(({ profile, result, texts }) => {
    const used = new Map<string, number>()
    const lines = texts.map((text) => {
      const nth = (used.get(text) ?? 0) + 1
      used.set(text, nth)
      return { text, differs: counts.some((c) => (c.get(text) ?? 0) < nth) }
    })
    const rule = profile.bilateral[setting]
    return {
      profile,
      lines,
      errors: result.findings.filter((f) => f.severity === 'error').length,
      warnings: result.findings.filter((f) => f.severity === 'warning').length,
      bilateral: describeBilateral(setting, rule.format, rule.verified),
    }
  })
}
