/**
 * Relevance of search (issue 6): the judged queries (src/server/modules/search/judged-queries.json:
 * half typed without diacritics, some by number, some by signer, phrases, words found only in the
 * text) over the 16 real documents of ../shared/corpus/vn-docs hidden among 20,000 generated ones
 * of the same vocabulary. Prints recall@5, recall@10 and MRR for our engine and for the baseline
 * (the unaccented substring filter the register lists used before), overall and per class.
 *
 *   npx tsx bench/search-relevance.ts        (DISTRACTORS=20000, BENCH_ENGINES=pglite)
 */
import { measureRelevance } from '../src/server/modules/search/relevance.test-support.ts'
import { benchDeps, benchEngines, openBenchDatabase } from './support.ts'

const DISTRACTORS = Number(process.env.DISTRACTORS ?? 20_000)
const f = (x: number) => x.toFixed(3)

for (const engine of benchEngines(['pglite'])) {
  const bench = await openBenchDatabase(engine)
  benchDeps(bench) // registers the search sources
  const r = await measureRelevance(bench.database.db, DISTRACTORS)
  console.log(
    `\nSearch relevance on ${engine}: ${r.perQuery.length} judged queries over ${r.documents} documents`,
  )
  console.log('class        queries  recall@5 (base)   recall@10 (base)   MRR (base)')
  const row = (name: string, x: typeof r.ours, b: typeof r.baseline) =>
    console.log(
      `${name.padEnd(12)} ${String(x.queries).padStart(7)}  ${f(x.recallAt5)} (${f(b.recallAt5)})    ${f(x.recallAt10)} (${f(b.recallAt10)})     ${f(x.mrr)} (${f(b.mrr)})`,
    )
  row('all', r.ours, r.baseline)
  for (const [c, v] of Object.entries(r.byClass)) row(c, v.ours, v.baseline)
  console.log(`MRR ratio ours/baseline: ${(r.ours.mrr / Math.max(r.baseline.mrr, 0.001)).toFixed(1)}×`)
  const misses = r.perQuery.filter((q) => q.rank !== 1)
  for (const m of misses)
    console.log(`  not first: "${m.q}" (${m.class}) → rank ${m.rank ?? 'not in top 10'}`)
  const times = r.perQuery.map((q) => q.tookMs).sort((a, b) => a - b)
  console.log(
    `query time median ${times[Math.floor(times.length / 2)]} ms, max ${times[times.length - 1]} ms`,
  )
  await bench.close()
}
