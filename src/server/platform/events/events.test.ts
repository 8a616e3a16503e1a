/** The audit chain (append-only, hash-linked, ordered under concurrency) and after-commit dispatch. */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, type Database } from '../db/client.ts'
import { openIsolatedDatabase } from '../../test/harness.ts'
import { EventDispatcher } from './dispatch.ts'
import { canonicalJson } from './hash.ts'
import { recordEvent, type RecordedEvent } from './record.ts'
import { verifyChain } from './verify.ts'

let database: Database & { drop(): Promise<void> }
beforeAll(async () => {
  database = await openIsolatedDatabase()
})
afterAll(async () => database.drop())

async function record(action: string, data: Record<string, unknown> = {}) {
  return database.db.transaction(async (tx) =>
    recordEvent(
      {
        tx,
        now: new Date(),
        actor: null,
        principalId: '',
        request: { ip: '10.0.0.1', userAgent: 'test' },
        hasEvents: false,
      },
      { action, targetType: 'test', targetId: 'x', data },
    ),
  )
}

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    )
  })
})

describe('audit chain', () => {
  it('links every entry to the previous one and verifies intact, even under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        record('test.concurrent', { i, text: 'Quyết định số 12/QĐ-UBSMC' }),
      ),
    )
    const report = await verifyChain(database.db, 7)
    expect(report.isIntact).toBe(true)
    expect(report.checked).toBeGreaterThanOrEqual(20)
  })

  it('refuses UPDATE and DELETE on events', async () => {
    const e = await record('test.immutable')
    await expect(
      database.db.execute(sql`UPDATE events SET action = 'x' WHERE id = ${e.id}`),
    ).rejects.toThrow()
    await expect(database.db.execute(sql`DELETE FROM events WHERE id = ${e.id}`)).rejects.toThrow()
  })

  it('names the first entry whose content was changed behind the trigger', async () => {
    const a = await record('test.before')
    const b = await record('test.tampered', { amount: 1 })
    await record('test.after')
    await database.db.execute(sql`ALTER TABLE events DISABLE TRIGGER events_no_update`)
    await database.db.execute(sql`UPDATE events SET data = '{"amount": 2}'::jsonb WHERE id = ${b.id}`)
    await database.db.execute(sql`ALTER TABLE events ENABLE TRIGGER events_no_update`)
    const report = await verifyChain(database.db)
    expect(report.isIntact).toBe(false)
    if (!report.isIntact) {
      expect(report.firstBroken.id).toBe(b.id)
      expect(report.firstBroken.reason).toBe('hash_mismatch')
      expect(report.checked).toBeGreaterThanOrEqual(1)
    }
    expect(a.id).toBeLessThan(b.id)
    // Deleting an entry breaks the link of the next one.
    await database.db.execute(sql`ALTER TABLE events DISABLE TRIGGER events_no_update`)
    await database.db.execute(sql`UPDATE events SET data = '{"amount": 1}'::jsonb WHERE id = ${b.id}`)
    await database.db.execute(sql`DELETE FROM events WHERE id = ${b.id}`)
    await database.db.execute(sql`ALTER TABLE events ENABLE TRIGGER events_no_update`)
    const afterDelete = await verifyChain(database.db)
    expect(afterDelete.isIntact).toBe(false)
    if (!afterDelete.isIntact) expect(afterDelete.firstBroken.reason).toBe('link_mismatch')
  })
})

describe('audit chain against a careful forger', () => {
  it('detects a deleted entry even when the next entry is re-linked to the one before', async () => {
    const isolated = await openIsolatedDatabase()
    try {
      const write = (action: string) =>
        isolated.db.transaction(async (tx) =>
          recordEvent(
            {
              tx,
              now: new Date(),
              actor: null,
              principalId: '',
              request: { ip: null, userAgent: null },
              hasEvents: false,
            },
            { action, targetType: 'test' },
          ),
        )
      const a = await write('test.a')
      const b = await write('test.b')
      const c = await write('test.c')
      await isolated.db.execute(sql`ALTER TABLE events DISABLE TRIGGER events_no_update`)
      await isolated.db.execute(sql`DELETE FROM events WHERE id = ${b.id}`)
      await isolated.db.execute(sql`UPDATE events SET prev_hash = ${a.hash} WHERE id = ${c.id}`)
      await isolated.db.execute(sql`ALTER TABLE events ENABLE TRIGGER events_no_update`)
      const report = await verifyChain(isolated.db)
      expect(report.isIntact).toBe(false)
      if (!report.isIntact) expect(report.firstBroken).toMatchObject({ id: c.id, reason: 'hash_mismatch' })
    } finally {
      await isolated.drop()
    }
  })
})

describe('after-commit dispatch', () => {
  it('hands each event to each handler once, in order, and retries a failure', async () => {
    const dispatcher = new EventDispatcher(database)
    const seen: number[] = []
    let failOn: number | null = null
    dispatcher.register({
      name: `test-${Date.now()}`,
      actions: ['test.dispatch'],
      handle: async (event: RecordedEvent, tx) => {
        if (event.id === failOn) throw new Error('temporary failure')
        await queryRows(tx, sql`SELECT 1`)
        seen.push(event.id)
      },
    })
    const first = await Promise.all([record('test.dispatch'), record('test.other'), record('test.dispatch')])
    const ids = first
      .filter((e) => e.action === 'test.dispatch')
      .map((e) => e.id)
      .sort((x, y) => x - y)
    await Promise.all([dispatcher.dispatchPending(), dispatcher.dispatchPending()])
    await dispatcher.dispatchPending()
    expect(seen).toEqual(ids)

    const third = await record('test.dispatch')
    failOn = third.id
    const failed = await dispatcher.dispatchPending()
    expect(failed.failures).toHaveLength(1)
    expect(seen).not.toContain(third.id)
    failOn = null
    await dispatcher.dispatchPending()
    expect(seen).toEqual([...ids, third.id])
  })

  it('does not see events of a transaction that rolled back', async () => {
    const dispatcher = new EventDispatcher(database)
    const seen: string[] = []
    dispatcher.register({
      name: `rb-${Date.now()}`,
      actions: ['test.rollback'],
      handle: async (e) => void seen.push(String((e.data as { n: number }).n)),
    })
    await expect(
      database.db.transaction(async (tx) => {
        await recordEvent(
          {
            tx,
            now: new Date(),
            actor: null,
            principalId: '',
            request: { ip: null, userAgent: null },
            hasEvents: false,
          },
          { action: 'test.rollback', targetType: 'test', data: { n: 1 } },
        )
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    await record('test.rollback', { n: 2 })
    await dispatcher.dispatchPending()
    expect(seen).toEqual(['2'])
  })

  it('detects the newest entries deleted, through the chain head', async () => {
    const isolated = await openIsolatedDatabase()
    try {
      const write = (action: string) =>
        isolated.db.transaction(async (tx) =>
          recordEvent(
            {
              tx,
              now: new Date(),
              actor: null,
              principalId: '',
              request: { ip: null, userAgent: null },
              hasEvents: false,
            },
            { action, targetType: 'test' },
          ),
        )
      const a = await write('test.a')
      const b = await write('test.b')
      // A rolled-back append leaves no hole: ids stay consecutive.
      await expect(
        isolated.db.transaction(async (tx) => {
          await recordEvent(
            {
              tx,
              now: new Date(),
              actor: null,
              principalId: '',
              request: { ip: null, userAgent: null },
              hasEvents: false,
            },
            { action: 'test.rolled-back', targetType: 'test' },
          )
          throw new Error('roll back')
        }),
      ).rejects.toThrow('roll back')
      const c = await write('test.c')
      expect([b.id - a.id, c.id - b.id]).toEqual([1, 1])
      expect(await verifyChain(isolated.db)).toMatchObject({ isIntact: true, lastId: c.id })
      await isolated.db.execute(sql`ALTER TABLE events DISABLE TRIGGER events_no_update`)
      await isolated.db.execute(sql`DELETE FROM events WHERE id = ${c.id}`)
      await isolated.db.execute(sql`ALTER TABLE events ENABLE TRIGGER events_no_update`)
      const report = await verifyChain(isolated.db)
      expect(report.isIntact).toBe(false)
      if (!report.isIntact)
        expect(report.firstBroken).toMatchObject({ id: c.id, reason: 'head_mismatch', action: 'test.b' })
    } finally {
      await isolated.drop()
    }
  })
})
