/** Factories that build whole graphs on the real database; every call makes unique records. */
import { randomBytes } from 'node:crypto'
import type { Role } from '@common/domain'
import type { Executor } from '../platform/db/client.ts'
import { organizations, units, users } from '../platform/db/schema.ts'
import { hashPassword } from '../modules/accounts/index.ts'

export const TEST_PASSWORD = 'Matkhau-thu-nghiem-2026'
let passwordHash: Promise<string> | undefined

export function uniq(prefix = 't'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`
}

function randomCode(letter = 'G'): string {
  const n = () =>
    Math.floor(Math.random() * 100)
      .toString()
      .padStart(2, '0')
  return `${Math.floor(Math.random() * 1000)
    .toString()
    .padStart(3, '0')}.${n()}.${n()}.${letter}${n()}`
}

export async function makeOrganization(
  db: Executor,
  overrides: Partial<typeof organizations.$inferInsert> = {},
) {
  const [row] = await db
    .insert(organizations)
    .values({ name: `Cơ quan ${uniq()}`, kind: 'ministry', code: randomCode(), ...overrides })
    .returning()
  return row!
}

export async function makeUnit(
  db: Executor,
  organizationId: string,
  overrides: Partial<typeof units.$inferInsert> = {},
) {
  const [row] = await db
    .insert(units)
    .values({ organizationId, code: uniq('U'), name: `Phòng ${uniq()}`, ...overrides })
    .returning()
  return row!
}

export async function makeUser(
  db: Executor,
  input: { roles: Role[]; organizationId: string; unitId?: string | null } & Partial<
    typeof users.$inferInsert
  >,
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const [row] = await db
    .insert(users)
    .values({
      username: uniq('user.'),
      fullName: `Nguyễn Văn ${uniq()}`,
      passwordHash: await passwordHash,
      ...input,
    })
    .returning()
  return row!
}

/** An organization with one unit and one user per role given. */
export async function makeOrgWithUsers(db: Executor, roles: Role[]) {
  const organization = await makeOrganization(db)
  const unit = await makeUnit(db, organization.id)
  const people = {} as Record<Role, Awaited<ReturnType<typeof makeUser>>>
  for (const role of roles)
    people[role] = await makeUser(db, { roles: [role], organizationId: organization.id, unitId: unit.id })
  return { organization, unit, users: people }
}
