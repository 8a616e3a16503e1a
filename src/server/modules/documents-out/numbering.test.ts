/**
 * Numbering under concurrency: many workers number and cancel on one register at the same time;
 * no number is given twice and every number below the last is used or recorded as cancelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registers } from '../../platform/db/schema.ts'
import { makeOrganization, makeUnit, makeUser } from '../../test/factories.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { vnYear } from './dates.ts'
import { auditRegister, makeApprovedDocuments, runNumberingHistory } from './numbering-check.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

async function setup() {
  const db = t.database.db
  const org = await makeOrganization(db, { shortName: 'UBMC' })
  const unit = await makeUnit(db, org.id, { shortName: 'VP' })
  const clerkRow = await makeUser(db, { roles: ['clerk'], organizationId: org.id, unitId: unit.id })
  const leader = await makeUser(db, { roles: ['leader'], organizationId: org.id, unitId: unit.id })
  const [register] = await db
    .insert(registers)
    .values({ organizationId: org.id, kind: 'outgoing', code: 'VBDI', name: 'Sổ văn bản đi' })
    .returning()
  const clerk = { ...clerkRow, roles: clerkRow.roles as ['clerk'] }
  return { org, unit, clerk, leader, register: register! }
}

describe('numbering under concurrency', () => {
  it('gives no number twice and leaves no silent gap; cancelled numbers stay recorded', async () => {
    const s = await setup()
    const ids = await makeApprovedDocuments(t.database, {
      count: 30,
      drafter: s.clerk,
      signerId: s.leader.id,
      recipientUnitId: s.unit.id,
    })
    const history = await runNumberingHistory(t.database, t.config, {
      clerk: s.clerk,
      registerId: s.register.id,
      documentIds: ids,
      concurrency: 6,
      cancelRate: 0.3,
      doubleRate: 0.2,
    })
    expect(history.cancelled).toBeGreaterThan(3)
    expect(history.refused).toBeGreaterThan(0)
    const audit = await auditRegister(t.database, s.register.id, vnYear(new Date()))
    expect(audit).toMatchObject({
      duplicates: 0,
      silentGaps: 0,
      mismatches: 0,
      used: 30,
      cancelled: history.cancelled,
    })
    expect(audit.lastNumber).toBe(30 + history.cancelled)
  }, 60_000)

  it('the audit sees a silent gap and a number used without its log row', async () => {
    const s = await setup()
    const ids = await makeApprovedDocuments(t.database, {
      count: 3,
      drafter: s.clerk,
      signerId: s.leader.id,
      recipientUnitId: s.unit.id,
    })
    await runNumberingHistory(t.database, t.config, {
      clerk: s.clerk,
      registerId: s.register.id,
      documentIds: ids,
      concurrency: 1,
      cancelRate: 0,
      doubleRate: 0,
    })
    const { sql } = await import('drizzle-orm')
    // A number taken without being logged (a silent hole), and a document given a used number.
    await t.database.db.execute(
      sql`UPDATE register_sequences SET last_number = last_number + 1 WHERE register_id = ${s.register.id}`,
    )
    await t.database.db.execute(
      sql`DELETE FROM register_number_log WHERE register_id = ${s.register.id} AND number = 2`,
    )
    const audit = await auditRegister(t.database, s.register.id, vnYear(new Date()))
    expect(audit.silentGaps).toBe(2)
    expect(audit.mismatches).toBe(1)
  })
})
