/**
 * Relevance of search, measured (issue 6): the judged queries (judged-queries.json) over the real
 * documents of ../shared/corpus/vn-docs hidden among generated ones of the same vocabulary,
 * with recall at 5 and 10 and the mean reciprocal rank — for our engine and, as the baseline,
 * the list filter the registers used before (unaccented substring of subject, sender, number).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { generateDoc } from './corpus.test-support.ts'
import { scopeOf, search } from './query.ts'
import { benchOffice, loadIncoming, type LoadDoc } from './search.test-support.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
/** A copy of ../shared/corpus/vn-docs (public documents, SOURCES.md): a clean clone has it too. */
export const CORPUS_DIR = path.join(here, 'fixtures', 'vn-docs')

type Judged = { q: string; class: string; relevant: string[] }
export const JUDGED: Judged[] = (
  JSON.parse(fs.readFileSync(path.join(here, 'judged-queries.json'), 'utf8')) as { queries: Judged[] }
).queries

type Truth = {
  id: string
  number: string
  doc_type_code: string
  issuer_name: string
  signer_name: string
  subject: string
  issue_date: string
}

export function realDocuments(): (LoadDoc & { key: string })[] {
  const truthDir = path.join(CORPUS_DIR, 'truth')
  return fs
    .readdirSync(truthDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const t = JSON.parse(fs.readFileSync(path.join(truthDir, f), 'utf8')) as Truth
      return {
        key: t.id,
        documentType: t.doc_type_code,
        numberAndNotation: t.number,
        senderName: t.issuer_name,
        signerName: t.signer_name,
        subject: t.subject,
        issueDate: t.issue_date,
        body: fs.readFileSync(path.join(CORPUS_DIR, 'texts', `${t.id}.txt`), 'utf8'),
      }
    })
}

export type Figures = { recallAt5: number; recallAt10: number; mrr: number; queries: number }

function figures(
  ranks: { rank: number | null; relevant: number; found5: number; found10: number }[],
): Figures {
  const n = ranks.length || 1
  return {
    recallAt5: ranks.reduce((s, r) => s + r.found5 / r.relevant, 0) / n,
    recallAt10: ranks.reduce((s, r) => s + r.found10 / r.relevant, 0) / n,
    mrr: ranks.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n,
    queries: ranks.length,
  }
}

function scoreOf(list: readonly string[], relevant: readonly string[]) {
  const first = list.findIndex((k) => relevant.includes(k))
  return {
    rank: first >= 0 ? first + 1 : null,
    relevant: relevant.length,
    found5: list.slice(0, 5).filter((k) => relevant.includes(k)).length,
    found10: list.slice(0, 10).filter((k) => relevant.includes(k)).length,
  }
}

/** Load the corpus with `distractors` generated documents, run every judged query both ways. */
export async function measureRelevance(db: Executor, distractors: number) {
  const office = await benchOffice(db, 4, 1)
  const real = realDocuments()
  const realIds = await loadIncoming(db, office, real, 1)
  const keyOf = new Map(realIds.map((id, i) => [id, real[i]!.key]))
  for (let i = 0; i < distractors; i += 500) {
    const docs = Array.from({ length: Math.min(500, distractors - i) }, (_, k) => generateDoc(11, i + k))
    await loadIncoming(db, office, docs, 1000 + i)
  }
  await db.execute(sql`ANALYZE search_entries`)
  const scope = await scopeOf(db, office.actor(office.leader), new Date())
  type Scored = ReturnType<typeof scoreOf> & { class: string }
  const ours: Scored[] = []
  const baseline: Scored[] = []
  const perQuery: { q: string; class: string; rank: number | null; tookMs: number }[] = []
  for (const j of JUDGED) {
    const result = await search(db, scope, { q: j.q, sort: 'relevance', page: 1, pageSize: 10 })
    const keys = result.items.map((i) => keyOf.get(i.id) ?? 'generated')
    const old = await queryRows<{ id: string }>(
      db,
      sql`SELECT d.id FROM documents d WHERE d.register_id = ${office.register.id}
        AND (f_unaccent(d.subject) ILIKE f_unaccent(${`%${j.q}%`})
          OR d.number_key LIKE lower(f_unaccent(${`%${j.q.replace(/\s+/g, '')}%`}))
          OR f_unaccent(d.sender_name) ILIKE f_unaccent(${`%${j.q}%`}))
        ORDER BY d.arrived_at DESC LIMIT 10`,
    )
    const oldKeys = old.map((r) => keyOf.get(r.id) ?? 'generated')
    const score = (list: string[]) => scoreOf(list, j.relevant)
    const mine = score(keys)
    ours.push({ ...mine, class: j.class })
    baseline.push({ ...score(oldKeys), class: j.class })
    perQuery.push({ q: j.q, class: j.class, rank: mine.rank, tookMs: result.tookMs })
  }
  const classes = [...new Set(JUDGED.map((j) => j.class))]
  return {
    ours: figures(ours),
    baseline: figures(baseline),
    byClass: Object.fromEntries(
      classes.map((c) => [
        c,
        {
          ours: figures(ours.filter((r) => r.class === c)),
          baseline: figures(baseline.filter((r) => r.class === c)),
        },
      ]),
    ),
    perQuery,
    documents: real.length + distractors,
  }
}
