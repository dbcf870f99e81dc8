import type { Family } from '../vocabulary.ts'

/**
 * ICD-10-CM groups that support, or argue against, each family. Group level only and
 * inferred from LCD indications (reference section 4, V-secondary): the exact article
 * code lists are not loaded, so findings built on these are warnings that say so.
 * ICD-10-CM texts are public.
 */

export interface DiagnosisGroup {
  prefix: string
  label: string
}

export const supportingDiagnoses: Readonly<Record<Family, readonly DiagnosisGroup[]>> = {
  'trigger-point': [{ prefix: 'M79.1', label: 'Myalgia (M79.1-)' }],
  'facet-injection': [{ prefix: 'M47.81', label: 'Spondylosis without myelopathy or radiculopathy (M47.81-)' }],
  'facet-rfa': [{ prefix: 'M47.81', label: 'Spondylosis without myelopathy or radiculopathy (M47.81-)' }],
  epidural: [
    { prefix: 'M54.1', label: 'Radiculopathy (M54.1-)' },
    { prefix: 'M50.1', label: 'Cervical disc disorder with radiculopathy (M50.1-)' },
    { prefix: 'M51.1', label: 'Thoracic/lumbar disc disorder with radiculopathy (M51.1-)' },
    { prefix: 'M48.0', label: 'Spinal stenosis (M48.0-)' },
    { prefix: 'M47.2', label: 'Spondylosis with radiculopathy (M47.2-)' },
    { prefix: 'M96.1', label: 'Postlaminectomy syndrome (M96.1)' },
    { prefix: 'B02.2', label: 'Zoster with other nervous system involvement (B02.2-)' },
    { prefix: 'G89.12', label: 'Acute post-thoracotomy pain (exempt use, postoperative pain)' },
    { prefix: 'G89.18', label: 'Other acute postprocedural pain (exempt use, postoperative pain)' },
  ],
}

export interface RedFlag {
  prefix: string
  label: string
  why: string
}

const facetRedFlags: readonly RedFlag[] = [
  { prefix: 'M54.1', label: 'Radiculopathy (M54.1-)', why: 'untreated radiculopathy excludes facet interventions unless it comes from a facet synovial cyst' },
  { prefix: 'M48.062', label: 'Lumbar stenosis with neurogenic claudication (M48.062)', why: 'neurogenic claudication excludes facet interventions' },
  { prefix: 'M47.2', label: 'Spondylosis with radiculopathy (M47.2-)', why: 'untreated radiculopathy excludes facet interventions' },
]

export const redFlagDiagnoses: Readonly<Partial<Record<Family, readonly RedFlag[]>>> = {
  'trigger-point': [
    { prefix: 'M79.7', label: 'Fibromyalgia (M79.7)', why: 'many payers exclude trigger point injections for fibromyalgia' },
  ],
  'facet-injection': facetRedFlags,
  'facet-rfa': facetRedFlags,
  epidural: [
    { prefix: 'M54.5', label: 'Low back pain (M54.5-)', why: 'axial, non-radicular pain is excluded for epidurals' },
    { prefix: 'M54.2', label: 'Cervicalgia (M54.2)', why: 'axial, non-radicular pain is excluded for epidurals' },
  ],
}
