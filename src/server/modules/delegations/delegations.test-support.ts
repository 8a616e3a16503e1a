/** Test support for the delegation tests: a small office signed in, time windows, events. */
import { and, eq } from 'drizzle-orm'
import { delegations, events } from '../../platform/db/schema.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { signIn, type Client, type TestApp } from '../../test/harness.ts'

export const MINUTE = 60_000

type People = Awaited<ReturnType<typeof makeOrgWithUsers>>['users']
export type Cast = { people: People; admin: Client; leader: Client; secretary: Client; clerk: Client }

/** A fresh office: an administrator, a leader, their secretary and a clerk, each signed in. */
export async function office(t: TestApp): Promise<Cast> {
  const { users: people } = await makeOrgWithUsers(t.database.db, ['admin', 'leader', 'secretary', 'clerk'])
  const [admin, leader, secretary, clerk] = await Promise.all(
    (['admin', 'leader', 'secretary', 'clerk'] as const).map((r) =>
      signIn(t.app, people[r].username, TEST_PASSWORD),
    ),
  )
  return { people, admin: admin!, leader: leader!, secretary: secretary!, clerk: clerk! }
}

/** [now + from, now + to) in minutes, as the API takes it. */
export function window(fromMinutes: number, toMinutes: number) {
  return {
    startsAt: new Date(Date.now() + fromMinutes * MINUTE).toISOString(),
    endsAt: new Date(Date.now() + toMinutes * MINUTE).toISOString(),
  }
}

export function delegationEvents(t: TestApp, id: string) {
  return t.database.db
    .select()
    .from(events)
    .where(and(eq(events.targetType, 'delegation'), eq(events.targetId, id)))
    .orderBy(events.id)
}

export function delegationsOf(t: TestApp, principalId: string) {
  return t.database.db.select().from(delegations).where(eq(delegations.principalId, principalId))
}
