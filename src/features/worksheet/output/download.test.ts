// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadText, EXPORT_MIME, fileNameFor } from './download.ts'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('downloadText', () => {
  it('clicks a temporary download link to a Blob URL, then removes it and revokes the URL', async () => {
    vi.useFakeTimers()
    let blob: Blob | undefined
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob
      return 'blob:test/1'
    })
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicked: { download: string; href: string; inDocument: boolean }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, inDocument: document.body.contains(this) })
    })

    downloadText('encounter-PT-1-2026-10-14.json', '{"a":1}\n', EXPORT_MIME.json)

    expect(clicked).toEqual([{ download: 'encounter-PT-1-2026-10-14.json', href: 'blob:test/1', inDocument: true }])
    expect(document.querySelectorAll('a')).toHaveLength(0)
    expect(blob?.type).toBe('application/json')
    expect(await blob?.text()).toBe('{"a":1}\n')
    expect(revoke).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(revoke).toHaveBeenCalledWith('blob:test/1')
  })
})

describe('fileNameFor', () => {
  it.each([
    ['json', 'PT-1001', '2026-10-14', 'encounter-PT-1001-2026-10-14.json'],
    ['csv', 'PT-1001', '2026-10-14', 'claim-lines-PT-1001-2026-10-14.csv'],
    ['json', '  PT 1001/../x  ', '2026-10-14', 'encounter-PT-1001-x-2026-10-14.json'],
    ['json', 'Zoë:Ñ*?"<>|', '2026-10-14', 'encounter-Zoe-N-2026-10-14.json'],
    ['json', '', '2026-10-14', 'encounter-2026-10-14.json'],
    ['json', '***', '', 'encounter.json'],
    ['csv', 'A'.repeat(60), '2026-10-14', `claim-lines-${'A'.repeat(40)}-2026-10-14.csv`],
    ['json', 'PT_7', '2026-10-14T09:00', 'encounter-PT_7-2026-10-14.json'],
  ] as const)('names a %s export for %j on %j %j', (kind, patientId, dateOfService, name) => {
    expect(fileNameFor(kind, patientId, dateOfService)).toBe(name)
  })
})
