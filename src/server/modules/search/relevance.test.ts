/**
 * Relevance must not regress: the judged queries over the real corpus among 1,000 generated
 * documents (bench/search-relevance.ts runs the same at 20,000 and prints every figure).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { measureRelevance } from './relevance.test-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ isolated: true })
})
afterAll(async () => {
  await t?.close()
})

it('finds the judged documents: recall@10 and MRR above their floors, far above the old filter', async () => {
  const r = await measureRelevance(t.database.db, 1000)
  const missed = r.perQuery.filter((q) => q.rank === null || q.rank > 10).map((q) => q.q)
  expect(missed).toEqual([])
  expect(r.ours.recallAt10).toBe(1)
  expect(r.ours.mrr).toBeGreaterThanOrEqual(0.9)
  expect(r.ours.mrr).toBeGreaterThan(r.baseline.mrr * 2)
}, 120_000)
