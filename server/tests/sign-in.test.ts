import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestServer, type TestServer } from '../testing/harness.ts'

let server: TestServer
beforeAll(async () => { server = await createTestServer() })
afterAll(async () => { await server.close() })

describe('sign-in', () => {
  it('signs a coder in and shows who, which practice and which role', async () => {
    const { users } = await server.seedPractice('Lakeside Pain', [{ email: 'cora@lakeside.test', role: 'coder' }])
    const desk = server.client()
    const answer = await desk.signIn(users['cora@lakeside.test'], server)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ state: 'active', role: 'coder', practice: { name: 'Lakeside Pain' } })
    expect((await desk.get('/api/auth/session')).body.user.email).toBe('cora@lakeside.test')
  })
})
