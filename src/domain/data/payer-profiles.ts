import { MERGE_REPEATED_LINES, NDC_UNCLASSIFIED_ONLY, type FrequencyLimit, type PayerProfile } from '../payer-profile.ts'
import { citeSources } from './sources.ts'

/**
 * Built-in payer profiles. Every value carries its source; values the reference marks
 * unverified say so, and a practice should copy a profile and set its own contractor's
 * numbers (reference sections 1 and 6).
 */

const limit = (l: Partial<FrequencyLimit> & Pick<FrequencyLimit, 'id' | 'family' | 'limit' | 'scope' | 'source'>): FrequencyLimit => ({
  purposes: null,
  window: { amount: 12, unit: 'months' },
  minInterval: null,
  severity: 'error',
  interpretation: null,
  note: null,
  effectiveFrom: null,
  effectiveTo: null,
  ...l,
})

export const medicareProfile: PayerProfile = {
  id: 'medicare',
  name: 'Medicare (default)',
  kind: 'medicare',
  description:
    'Medicare Part B as the MAC LCDs and articles in the domain reference describe it. Limits that differ by contractor are marked; copy this profile to set your MAC\'s values.',
  bilateral: {
    professional: { format: 'modifier-50', verified: true, source: citeSources(['BILATERAL-50']) },
    hospitalOutpatientFacility: {
      format: 'modifier-50',
      verified: false,
      source: 'Hospital OPPS (UB-04) bilateral convention NOT FOUND in the reference (open question 6); modifier 50 assumed',
    },
    ascFacility: { format: 'rt-lt-two-lines', verified: true, source: citeSources(['ASC-BILATERAL']) },
  },
  frequencyLimits: [
    limit({
      id: 'medicare-tpi-3-per-12m', family: 'trigger-point', limit: 3, scope: 'all-regions', severity: 'warning',
      note: 'Limit of LCDs L36859 and L37913; other MACs\' TPI LCDs (L35010, L33912) were not read. Set your MAC\'s value.',
      source: citeSources(['L36859', 'A59553']),
    }),
    limit({
      id: 'medicare-facet-diagnostic-4-per-12m', family: 'facet-injection', purposes: ['diagnostic'], limit: 4, scope: 'per-region',
      note: 'Per-region scope is confirmed for therapeutic sessions only (reference F9, open question 4).',
      source: citeSources(['NORIDIAN-FACET-QA']),
    }),
    limit({
      id: 'medicare-facet-therapeutic-4-per-12m', family: 'facet-injection', purposes: ['therapeutic'], limit: 4, scope: 'per-region',
      source: citeSources(['NORIDIAN-FACET-QA']),
    }),
    limit({
      id: 'medicare-rfa-2-per-12m', family: 'facet-rfa', limit: 2, scope: 'per-region',
      note: 'The per-region qualifier is the commonly quoted LCD wording, not confirmed (reference F9, open question 3).',
      source: citeSources(['NORIDIAN-FACET-QA']),
    }),
    limit({
      id: 'medicare-esi-4-per-region-12m', family: 'epidural', limit: 4, scope: 'per-region',
      note: 'Counts therapeutic epidurals and diagnostic nerve root blocks alike: whether DSNRB sessions count is not verified.',
      source: citeSources(['ESI-ARTICLES']),
    }),
    limit({
      id: 'guide-esi-4-all-regions-12m', family: 'epidural', limit: 4, scope: 'all-regions', severity: 'warning',
      interpretation: "Billing guide's reading: 4 epidural sessions across all regions combined (the LCDs say per region, reference D1)",
      source: citeSources(['BILLING-GUIDE']),
    }),
  ],
  repeatedLines: MERGE_REPEATED_LINES,
  ndc: NDC_UNCLASSIFIED_ONLY,
  coverage: {
    facetMaxLevelsPerSession: { value: 2, effectiveFrom: '2024-07-07', source: citeSources(['FACET-LCD-2024', 'OPD-PA-64492']) },
    ultrasoundFacetCovered: { value: false, effectiveFrom: null, source: citeSources(['A57787', 'A57826']) },
    epiduralImagingRequired: { value: true, effectiveFrom: null, source: citeSources(['A58993', 'ESI-ARTICLES']) },
    transforaminalMaxLevels: { value: 2, effectiveFrom: null, source: citeSources(['ESI-ARTICLES']) },
    localAnestheticSeparatelyPayable: { value: false, effectiveFrom: null, source: citeSources(['LOCAL-ANESTHETIC']) },
    acceptsSCodes: { value: false, effectiveFrom: null, source: citeSources(['S-CODES']) },
    tpiImagingExcluded: { value: true, effectiveFrom: null, source: citeSources(['L36859']) },
  },
  betamethasoneMgPerUnit: { value: 6, effectiveFrom: null, source: citeSources(['J0702-UNITS']) },
  opdPriorAuthorization: {
    places: ['19', '22'],
    effectiveFrom: '2023-07-01',
    codes: [
      ...['64490', '64491', '64493', '64494', '64633', '64634', '64635', '64636'].map((code) => ({ code, from: '2023-07-01', to: null })),
      { code: '64492', from: '2023-07-01', to: '2024-08-14' },
      { code: '64495', from: '2023-07-01', to: '2024-08-14' },
    ],
    source: citeSources(['OPD-PA', 'OPD-PA-64492']) + ' (removal dated by the CGS notice of 2024-08-15)',
  },
}

export const commercialExampleProfile: PayerProfile = {
  id: 'commercial-example',
  name: 'Commercial example (EviCore-style guidelines)',
  kind: 'commercial',
  description:
    'An example commercial profile built from EviCore guideline summaries (V-secondary). It is not any plan\'s contract: copy it and set your payer\'s values. Bilateral services go on two lines with RT and LT.',
  bilateral: {
    professional: { format: 'rt-lt-two-lines', verified: false, source: citeSources(['COMMERCIAL-BILATERAL']) + ' (example; check the contract)' },
    hospitalOutpatientFacility: { format: 'rt-lt-two-lines', verified: false, source: citeSources(['COMMERCIAL-BILATERAL']) + ' (example; check the contract)' },
    ascFacility: { format: 'rt-lt-two-lines', verified: false, source: citeSources(['COMMERCIAL-BILATERAL', 'ASC-BILATERAL']) },
  },
  frequencyLimits: [
    limit({
      id: 'evicore-tpi-4-per-12m', family: 'trigger-point', limit: 4, scope: 'all-regions', severity: 'warning',
      note: 'EviCore CMM-202 counts per body region; this module does not group muscles into body regions, so it counts all sessions.',
      source: citeSources(['EVICORE']),
    }),
    limit({ id: 'evicore-esi-4-per-region-12m', family: 'epidural', limit: 4, scope: 'per-region', source: citeSources(['EVICORE']) }),
    limit({
      id: 'evicore-esi-3-per-region-6m', family: 'epidural', limit: 3, scope: 'per-region', window: { amount: 6, unit: 'months' },
      minInterval: { amount: 14, unit: 'days' }, source: citeSources(['EVICORE']),
    }),
    limit({
      id: 'evicore-rfa-2-per-12m', family: 'facet-rfa', limit: 2, scope: 'per-region', minInterval: { amount: 6, unit: 'months' },
      note: 'EviCore: at most 2 per rolling 12 months, at least 6 months apart.', source: citeSources(['EVICORE']),
    }),
  ],
  repeatedLines: MERGE_REPEATED_LINES,
  ndc: NDC_UNCLASSIFIED_ONLY,
  coverage: {
    facetMaxLevelsPerSession: { value: null, effectiveFrom: null, source: 'Not stated in the reference for this example' },
    ultrasoundFacetCovered: { value: null, effectiveFrom: null, source: 'Not stated in the reference for this example' },
    epiduralImagingRequired: { value: true, effectiveFrom: null, source: citeSources(['EVICORE']) + ' (no ultrasound-guided ESIs)' },
    transforaminalMaxLevels: { value: null, effectiveFrom: null, source: 'Not stated in the reference for this example' },
    localAnestheticSeparatelyPayable: { value: null, effectiveFrom: null, source: 'Not stated in the reference for this example' },
    acceptsSCodes: { value: true, effectiveFrom: null, source: citeSources(['S-CODES']) + ' (example)' },
    tpiImagingExcluded: { value: null, effectiveFrom: null, source: 'BCBSA 2.01.103-style policies treat ultrasound guidance as investigational (V-secondary); not set for this example' },
  },
  betamethasoneMgPerUnit: { value: 6, effectiveFrom: null, source: citeSources(['J0702-UNITS']) },
  opdPriorAuthorization: null,
}

export const builtInPayerProfiles: readonly PayerProfile[] = [medicareProfile, commercialExampleProfile]

export const DEFAULT_PAYER_PROFILE_ID = medicareProfile.id
