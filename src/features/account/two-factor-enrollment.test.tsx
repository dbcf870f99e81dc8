// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { TwoFactorEnrollment } from './two-factor-enrollment.tsx'
import { backupCodesText, groupSecret, qrPath } from './two-factor-format.ts'

afterEach(() => { cleanup(); vi.restoreAllMocks() })

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const URI = `otpauth://totp/Injection%20Coding%20Worksheet:ada%40north.example?secret=${SECRET}&issuer=Injection%20Coding%20Worksheet`
const CODES = ['abcde-fghjk', 'mnpqr-stuvw', 'xyz23-45678', '9abcd-efghj', 'kmnpq-rstuv', 'wxyz2-34567', '89abc-defgh', 'jkmnp-qrstu', 'vwxyz-23456', '789ab-cdefg']

function setup(client: FakeGroupClient = createFakeGroupClient().on('twoFactorSetup', () => ({ secret: SECRET, uri: URI }))) {
  const onDone = vi.fn()
  const onCancel = vi.fn()
  render(
    <GroupClientProvider client={client}>
      <TwoFactorEnrollment account="ada@north.example" practice="North Clinic" onDone={onDone} onCancel={onCancel} />
    </GroupClientProvider>,
  )
  return { client, onDone, onCancel }
}

describe('two-factor enrolment', () => {
  it('draws the QR code of the otpauth URI in the page and shows the key in groups of four', async () => {
    setup()
    const qr = await screen.findByRole('img', { name: 'QR code to add this account to an authenticator app' })
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(qr.querySelector('path')?.getAttribute('d')).toBe(qrPath(URI).path)
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeDefined()
    expect(screen.getByRole('button', { name: 'Copy key' })).toBeDefined()
  })

  it('turns two-factor on with a first code, then shows the ten backup codes once, to copy or download', async () => {
    const { client, onDone } = setup()
    client.on('twoFactorEnable', ({ body }) => {
      if (body.code !== '123456') throw new ApiError(400, 'invalid-code', 'That code is not right. Check the time on your phone and try the newest code.')
      return { backupCodes: CODES }
    })
    const user = userEvent.setup()
    const code = await screen.findByLabelText('Authentication code')
    await user.type(code, '111111')
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/That code is not right/)
    expect(screen.getByLabelText<HTMLInputElement>('Authentication code').value).toBe('')

    await user.type(screen.getByLabelText('Authentication code'), '123 456')
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor' }))
    const heading = await screen.findByRole('heading', { name: /Two-factor authentication is on/ })
    expect(document.activeElement).toBe(heading)
    const list = screen.getByRole('list', { name: 'Backup codes' })
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES)
    expect(client.callsTo('twoFactorEnable').map((c) => c.body)).toEqual([{ code: '111111' }, { code: '123456' }])

    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:codes')
    await user.click(screen.getByRole('button', { name: 'Download as .txt' }))
    const blob = created.mock.calls[0]?.[0] as Blob
    expect(await blob.text()).toBe(backupCodesText(CODES, 'ada@north.example', 'North Clinic'))
    expect(await blob.text()).toContain(`\n${CODES.join('\n')}\n`)

    expect(onDone).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(onDone).toHaveBeenCalledOnce()
  })

  it('says when the server cannot start the set-up, and tries again on request', async () => {
    let fail = true
    const client = createFakeGroupClient().on('twoFactorSetup', () => {
      if (fail) throw new ApiError(0, 'network', 'The group server could not be reached.')
      return { secret: SECRET, uri: URI }
    })
    setup(client)
    expect((await screen.findByRole('alert')).textContent).toBe('The group server could not be reached.')
    fail = false
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeDefined()
  })
})

describe('two-factor formats', () => {
  it('groups a base32 key in fours, as authenticator apps show it', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ')
  })

  it('draws a QR symbol of a valid size with a 4-module quiet zone and its finder pattern in the corner', () => {
    const { size, path } = qrPath('otpauth://totp/x?secret=ABC')
    const symbol = size - 8
    expect((symbol - 17) % 4).toBe(0)
    const dark = new Set(path.split('z').filter(Boolean).map((m) => /^M(\d+) (\d+)/.exec(m)!.slice(1).join(',')))
    // The top-left finder: a dark 7×7 ring, a light ring inside it, a dark 3×3 centre; the quiet zone stays light.
    for (let i = 0; i < 7; i++) {
      expect(dark.has(`${4 + i},4`) && dark.has(`4,${4 + i}`) && dark.has(`${4 + i},10`) && dark.has(`10,${4 + i}`)).toBe(true)
    }
    expect(dark.has('5,5') || dark.has('9,9')).toBe(false)
    expect(dark.has('7,7')).toBe(true)
    expect([...dark].some((xy) => xy.split(',').some((n) => Number(n) < 4 || Number(n) >= size - 4))).toBe(false)
  })
})
