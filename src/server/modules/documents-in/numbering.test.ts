/**
 * Arrival numbers under concurrency (Decree 30/2020, Art. 22.2: consecutive, per register and year).
 * On PGlite requests serialise anyway; on PostgreSQL (TEST_DATABASE_URL) they truly race.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { office, registration } from './documents-in.test-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('arrival numbers', () => {
  it('gives 200 concurrent registrations exactly the numbers 1..200, while failing ones in between take none', async () => {
    const o = await office(t)
    const requests = Array.from({ length: 220 }, (_, i) =>
      i % 11 === 10
        ? // Every eleventh fails (an unknown file): it must take no number.
          o.clients.clerk.post(
            '/api/documents-in',
            registration(o, { fileIds: ['00000000-0000-4000-8000-000000000009'] }),
          )
        : o.clients.clerk.post(
            '/api/documents-in',
            registration(o, { subject: `Văn bản đồng thời số ${i}` }),
          ),
    )
    const responses = await Promise.all(requests)
    const ok = responses.filter((r) => r.statusCode === 201)
    expect(ok).toHaveLength(200)
    expect(responses.filter((r) => r.statusCode === 400)).toHaveLength(20)
    const numbers = ok.map((r) => r.json().registerNumber as number).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    const registers = (await o.clients.clerk.get('/api/registers?kind=incoming')).json()
    expect(registers.items[0].lastNumberThisYear).toBe(200)
  }, 120_000)
})
