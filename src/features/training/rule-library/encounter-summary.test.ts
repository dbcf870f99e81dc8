import { describe, expect, it } from 'vitest'
import { parseEvaluationInput, type EvaluationInputDraft } from '../../../domain/index.ts'
import { summarizeEncounter } from './encounter-summary.ts'

function summary(draft: EvaluationInputDraft): Record<string, string> {
  const parsed = parseEvaluationInput(draft)
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '))
  return Object.fromEntries(summarizeEncounter(parsed.input).map((r) => [r.term, r.description]))
}

const base: EvaluationInputDraft['encounter'] = {
  dateOfService: '2026-10-14', patientId: 'PT-1', providerId: 'DR-A', placeOfService: '22', claimType: 'professional',
  payerProfile: 'medicare', diagnoses: ['M47.816', 'M54.16'], procedures: [],
}

describe('summarizeEncounter', () => {
  it('describes the setting, payer, diagnoses and an empty history in plain words', () => {
    expect(summary({ encounter: base })).toEqual({
      'Date of service': '2026-10-14',
      Setting: 'On-campus hospital outpatient department (22), professional claim',
      'Payer profile': 'Medicare (default)',
      Diagnoses: 'M47.816, M54.16',
      Procedures: 'None',
      'Claim history': 'No prior claim lines',
    })
  })

  it('lists each procedure with its levels and sides, and muscles with their injections', () => {
    const rows = summary({
      encounter: {
        ...base,
        procedures: [
          { type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: null }] },
          { type: 'trigger-point', technique: 'dry-needling', guidance: 'none', muscles: [{ muscle: 'trapezius', side: null, injections: 1 }] },
          { type: 'epidural', approach: 'transforaminal', purpose: 'diagnostic-nerve-root-block', guidance: 'ct', levels: [{ level: 'L5-S1', side: 'right' }] },
          { type: 'epidural', approach: 'caudal', purpose: 'therapeutic', guidance: 'fluoroscopy', region: 'lumbar-sacral' },
        ],
      },
    })
    expect(rows['Procedure 1']).toBe('Facet joint injection, diagnostic, fluoroscopy: L4-L5 both sides, L5-S1 no side')
    expect(rows['Procedure 2']).toBe('Trigger points, dry needling (no injection), no imaging: trapezius side not documented (1 injection)')
    expect(rows['Procedure 3']).toBe('Epidural steroid injection, transforaminal, diagnostic nerve root block, CT: L5-S1 right')
    expect(rows['Procedure 4']).toBe('Epidural steroid injection, caudal, therapeutic, fluoroscopy, lumbar/sacral region')
  })

  it('shows drugs, other lines, authorization, documentation and the history count', () => {
    const rows = summary({
      encounter: {
        ...base,
        payerProfile: 'acme-commercial',
        priorAuthorization: 'PA-12345',
        procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L3-L4', side: 'left' }] }],
        drugs: [{ code: 'j3301', name: 'triamcinolone', dose: 1500, unit: 'mg', category: 'steroid' }],
        otherLines: [{ code: '99213', modifiers: ['25'] }],
        documentation: { a: true, b: false, c: true },
      },
      history: [
        { dateOfService: '2026-03-01', code: '64493', modifiers: ['50'] },
        { dateOfService: '2026-03-01', code: '64494' },
        { dateOfService: '2026-06-01', code: '64493' },
      ],
    })
    expect(rows.Procedure).toBe('Facet radiofrequency ablation, fluoroscopy: L3-L4 left')
    expect(rows.Drug).toBe('J3301 triamcinolone 1,500 mg')
    expect(rows['Other lines']).toBe('99213 25 ×1')
    expect(rows['Payer profile']).toBe('acme-commercial (not a built-in profile)')
    expect(rows['Prior authorization']).toBe('PA-12345')
    expect(rows['Documentation items checked']).toBe('2 items')
    expect(rows['Claim history']).toBe('3 prior claim lines, 2 dates of service')
  })
})
