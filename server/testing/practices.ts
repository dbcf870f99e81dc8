import type { Role } from '../../src/group-api/schemas.ts'
import type { SeededUser, TestClient, TestServer } from './harness.ts'
import { asOwner } from './security.ts'

/**
 * The two practices most API suites work in, and their people signed in: each suite says whom it
 * needs by the names its tests call them (`{ admin: 'admin', second: 'coder' }`), and each person
 * signs in as `<word>-<name>@<word>.test` with the harness's password.
 */

export interface SeededPractice<Name extends string> {
  id: string
  users: Record<Name, SeededUser>
}

/** The roles of a practice's people, one each. */
export const ONE_OF_EACH_ROLE = { admin: 'admin', supervisor: 'supervisor', coder: 'coder', trainee: 'trainee' } as const satisfies Record<string, Role>

async function seedPeople<Name extends string>(server: TestServer, practiceName: string, word: string, people: Record<Name, Role>): Promise<SeededPractice<Name>> {
  const names = Object.keys(people) as Name[]
  const email = (who: Name) => `${word}-${who}@${word}.test`
  const { practiceId, users } = await server.seedPractice(practiceName, names.map((who) => ({ email: email(who), role: people[who] })))
  return { id: practiceId, users: Object.fromEntries(names.map((who) => [who, users[email(who)]])) as Record<Name, SeededUser> }
}

/**
 * Alpha Pain Clinic (A) and Bravo Spine Center (B), each with the same people, and two-factor
 * asked of no role: the suites sign in with a password alone (sign-in.test.ts covers two-factor).
 */
export async function twoPractices<Name extends string>(server: TestServer, people: Record<Name, Role>): Promise<{ A: SeededPractice<Name>; B: SeededPractice<Name> }> {
  const A = await seedPeople(server, 'Alpha Pain Clinic', 'alpha', people)
  const B = await seedPeople(server, 'Bravo Spine Center', 'bravo', people)
  await asOwner(server, (q) => q.query(`update practices set two_factor_roles = '{}'`))
  return { A, B }
}

/**
 * Each person's own signed-in client (a desk), made at their first request and kept for the suite
 * (`server` is read then: a suite's server is made in its beforeAll).
 */
export function signedInDesks(server: () => TestServer): (user: SeededUser) => Promise<TestClient> {
  const desks = new Map<string, TestClient>()
  return async (user) => {
    const known = desks.get(user.id)
    if (known) return known
    const client = server().client()
    const answer = await client.signIn(user, server())
    if (answer.status !== 200) throw new Error(`${user.email} could not sign in: ${answer.status} ${answer.text}`)
    desks.set(user.id, client)
    return client
  }
}
