// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { GROUP_SERVER_META, isGroupServerPage } from './group-mode.ts'

afterEach(() => { document.head.querySelectorAll(`meta[name="${GROUP_SERVER_META}"]`).forEach((m) => m.remove()) })

function mark(content: string) {
  const meta = document.createElement('meta')
  meta.name = GROUP_SERVER_META
  meta.content = content
  document.head.append(meta)
}

describe('group mode detection', () => {
  it('is the standalone app without the group server\'s mark', () => {
    expect(isGroupServerPage()).toBe(false)
  })

  it('is the group app when the page carries <meta name="icw-group-server" content="1">', () => {
    mark('1')
    expect(isGroupServerPage()).toBe(true)
  })

  it('ignores the mark with another value', () => {
    mark('0')
    expect(isGroupServerPage()).toBe(false)
  })

  it('is the standalone app where there is no document (Node)', () => {
    expect(isGroupServerPage(undefined)).toBe(false)
  })
})
