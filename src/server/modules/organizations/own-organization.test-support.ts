/**
 * Test support: our own organization. A fresh test database has none, and test files run in
 * parallel against one PostgreSQL database, so insert it only if missing, then read whichever won.
 */
import { eq } from 'drizzle-orm'
import type { Executor } from '../../platform/db/client.ts'
import { organizations } from '../../platform/db/schema.ts'

function randomOwnCode(): string {
  const n = (max: number, width: number) => String(Math.floor(Math.random() * max)).padStart(width, '0')
  return `${n(1000, 3)}.${n(100, 2)}.${n(100, 2)}.W${n(100, 2)}`
}

export async function ensureOwnOrganization(db: Executor): Promise<typeof organizations.$inferSelect> {
  const [existing] = await db.select().from(organizations).where(eq(organizations.isOwn, true))
  if (existing) return existing
  // ON CONFLICT DO NOTHING: organizations_one_own lets one is_own row exist; a parallel file may have won.
  await db
    .insert(organizations)
    .values({
      name: 'Ủy ban sông Mê Công Việt Nam',
      shortName: 'UBSMCVN',
      kind: 'own',
      isOwn: true,
      code: randomOwnCode(),
    })
    .onConflictDoNothing()
  const [own] = await db.select().from(organizations).where(eq(organizations.isOwn, true))
  if (!own) throw new Error('could not create our own organization')
  return own
}
