/**
 * First-start data: our own organization (always), the demo organisation (development only), or a
 * bootstrap administrator (a production database with no users). Runs once: it checks first.
 */
import { randomBytes } from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import type { Config } from '../config.ts'
import type { Db, Tx } from '../platform/db/client.ts'
import { delegations, organizations, registers, units, users } from '../platform/db/schema.ts'
import { recordEvent, systemEventSource } from '../platform/events/record.ts'
import { hashPassword, temporaryPassword } from '../modules/accounts/index.ts'
import { HOLIDAY_SEED_YEARS, seedHolidays } from '../modules/calendar/index.ts'
import { DEMO_DELEGATION, DEMO_ORGANIZATIONS, DEMO_UNITS, demoUsers } from './demo-data.ts'
import { seedDemoSigning } from './demo-signing.ts'

function systemCtx(tx: Tx, config: Config, now: Date) {
  return { ...systemEventSource(tx, now, 'seed'), config }
}

/** Our own organization exists from the first start, named from the configuration; so do the public holidays. */
export async function ensureOwnOrganization(db: Db, config: Config, now = new Date()): Promise<string> {
  // Public holidays are needed in production as much as in the demo; each year loads once.
  await db.transaction((tx) => seedHolidays(tx, HOLIDAY_SEED_YEARS, now))
  const [existing] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.isOwn, true))
  if (existing) return existing.id
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organizations)
      .values({
        code: config.organization.code,
        name: config.organization.name,
        shortName: config.organization.shortName,
        kind: 'own',
        isOwn: true,
        address: '10 Nguyễn Công Hoan, Ba Đình, Hà Nội',
      })
      .returning()
    await recordEvent(systemCtx(tx, config, now), {
      action: 'organization.created',
      targetType: 'organization',
      targetId: row!.id,
      data: { after: { code: row!.code, name: row!.name, isOwn: true } },
    })
    return row!.id
  })
}

export type SeedResult =
  | { kind: 'demo'; password: string; usernames: string[]; signingPin: string }
  | { kind: 'admin'; username: string; password: string }
  | null

/** Load the demo organisation if the database has no users yet; returns the password to print. */
export async function seedDemo(db: Db, config: Config, now = new Date()): Promise<SeedResult> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users)
  if (Number(n) > 0) return null
  const ownId = await ensureOwnOrganization(db, config, now)
  const password = config.demoPassword ?? `Mekong-${randomBytes(4).toString('hex')}`
  const passwordHash = await hashPassword(password)
  const list = demoUsers()
  await db.transaction(async (tx) => {
    const unitIds = new Map<string, string>()
    for (const u of DEMO_UNITS) {
      const [row] = await tx
        .insert(units)
        .values({
          organizationId: ownId,
          parentId: u.parent ? unitIds.get(u.parent) : null,
          code: u.code,
          name: u.name,
          shortName: u.shortName,
          sortOrder: u.sortOrder,
        })
        .returning({ id: units.id })
      unitIds.set(u.code, row!.id)
    }
    const orgIds = new Map<string, string>()
    const orgRows = await tx
      .insert(organizations)
      .values(DEMO_ORGANIZATIONS.map((o) => ({ ...o, address: o.address ?? null })))
      .returning({ id: organizations.id, shortName: organizations.shortName })
    for (const r of orgRows) orgIds.set(r.shortName!, r.id)
    const userRows = await tx
      .insert(users)
      .values(
        list.map((u) => ({
          username: u.username,
          fullName: u.fullName,
          position: u.position,
          roles: u.roles,
          email: `${u.username}@demo.mekong.gov.vn`,
          organizationId: u.organization ? orgIds.get(u.organization)! : ownId,
          unitId: u.unit ? unitIds.get(u.unit)! : null,
          passwordHash,
          isDemo: true,
        })),
      )
      .returning({ id: users.id, username: users.username })
    const userIds = new Map(userRows.map((r) => [r.username, r.id]))
    // The registers a clerk needs on the first day (Decree 30/2020, Annex IV): incoming and outgoing.
    await tx.insert(registers).values([
      { organizationId: ownId, kind: 'incoming', code: 'VBD', name: 'Sổ văn bản đến' },
      { organizationId: ownId, kind: 'outgoing', code: 'VBDI', name: 'Sổ văn bản đi' },
    ])
    const d = DEMO_DELEGATION
    await tx.insert(delegations).values({
      principalId: userIds.get(d.principal)!,
      delegateId: userIds.get(d.delegate)!,
      scopes: d.scopes,
      startsAt: now,
      endsAt: new Date(now.getTime() + d.days * 86_400_000),
      note: d.note,
      createdBy: userIds.get('quantri')!,
    })
    await recordEvent(systemCtx(tx, config, now), {
      action: 'system.demoLoaded',
      targetType: 'organization',
      targetId: ownId,
      data: {
        units: DEMO_UNITS.length,
        organizations: DEMO_ORGANIZATIONS.length,
        users: list.length,
        delegations: 1,
        registers: 2,
      },
    })
  })
  // Issue 4: demo CA, leaders' keys and the organization's seal key (outside the transaction above:
  // key generation takes a second and PGlite has one connection).
  const signingPin = await seedDemoSigning(db, config, { id: ownId, name: config.organization.name }, now)
  return { kind: 'demo', password, usernames: list.map((u) => u.username), signingPin }
}

/** A production database without users gets one administrator with a one-time password. */
export async function bootstrapAdmin(db: Db, config: Config, now = new Date()): Promise<SeedResult> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users)
  if (Number(n) > 0) return null
  const ownId = await ensureOwnOrganization(db, config, now)
  const password = temporaryPassword()
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: 'admin',
        fullName: 'Quản trị hệ thống',
        roles: ['admin'],
        organizationId: ownId,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      })
      .returning({ id: users.id })
    await recordEvent(systemCtx(tx, config, now), {
      action: 'user.created',
      targetType: 'user',
      targetId: row!.id,
      data: { bootstrap: true },
    })
  })
  return { kind: 'admin', username: 'admin', password }
}

/** Production must not run with the demo accounts: they have a published password. */
export async function countActiveDemoUsers(db: Db): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.isActive, true)))
  return Number(n)
}
