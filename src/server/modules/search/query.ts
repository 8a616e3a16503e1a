/**
 * Searching the index (issue 6). Designed for the tail at a million entries: Vietnamese syllables
 * are short and common, so a query never ranks or counts every match. It takes bounded candidate
 * sets from the GIN indexes — entries matching in the title and fields first, then anywhere —
 * ranks only those, and estimates the count from the planner when a set is full. A phrase is a
 * conjunction of syllable pairs (no position checks); numbers use the number key's b-tree
 * (exact, prefix) and trigram (any part) indexes. Readers keys are lexemes of the vectors, so the
 * permission filter is one more term of the same GIN scan; and
 * the returned page is checked again by each source's own visibility rules.
 */
import { sql, type SQL } from 'drizzle-orm'
import type {
  TSearchFacets,
  TSearchHit,
  TSearchQuery,
  TSearchResult,
  THighlightResult,
  TSuggestResult,
} from '@common/contracts/search'
import { documentTypeByCode } from '@common/document-types'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Database, type Executor } from '../../platform/db/client.ts'
import {
  highlight,
  matchRanges,
  pair,
  parseQuery,
  passages,
  readerLexeme,
  words,
  type ParsedQuery,
} from '../../platform/search/tokens.ts'
import { searchSource, searchSources } from './source.ts'

/** How many entries a query ranks at most, per tier. */
export const CANDIDATE_CAP = 1000
const FACET_VALUES = 12

type Candidate = {
  target_type: string
  target_id: string
  document_type: string | null
  sender_name: string | null
  signer_name: string | null
  state: string | null
  doc_date: string | null
  year: number | null
  register_id: string | null
  unit_id: string | null
  score: number | string
}

const lit = (lexemes: readonly string[], op: string) => lexemes.map((l) => `'${l}'`).join(` ${op} `)

/** The tsquery texts of a parsed query (lexemes are [a-z0-9_] only: nothing to escape). */
export function tsqueries(p: ParsedQuery) {
  const must: string[] = [...p.words, ...p.phrases.flatMap((ws) => (ws.length > 1 ? pairsOf(ws) : ws))]
  const not = p.excluded.map((x) => `!'${x}'`)
  const match = must.length ? [lit(must, '&'), ...not].join(' & ') : null
  const adjacent = pairsOf(p.words)
  const rankTerms = [
    ...new Set([...p.words, ...adjacent, ...p.phrases.flatMap((ws) => [...ws, ...pairsOf(ws)])]),
  ]
  return {
    match,
    rank: rankTerms.length ? lit(rankTerms, '|') : null,
    /** The free words side by side, in the order typed: a proximity bonus. */
    near: adjacent.length ? lit(adjacent, '&') : null,
    excludeOnly: !must.length && not.length ? lit(p.excluded, '|') : null,
  }
}

function pairsOf(ws: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < ws.length; i++) out.push(pair(ws[i]!, ws[i + 1]!))
  return out
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export type SearchScope = { keys: string[]; actor: Actor; now: Date }

/** The keys the actor holds across every source. */
export async function scopeOf(db: Executor, actor: Actor, now: Date): Promise<SearchScope> {
  const keys = new Set<string>()
  for (const s of searchSources()) for (const k of await s.actorKeys(db, actor, now)) keys.add(k)
  return { keys: [...keys], actor, now }
}

/** The permission filter on the readers column (browsing by filters or numbers only). */
function readersOverlap(scope: SearchScope): SQL {
  return sql`se.readers && ARRAY[${sql.join(
    scope.keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`
}

/** The permission filter as a tsquery term: the vectors hold every reader's key as a lexeme. */
function readersTsquery(scope: SearchScope): string {
  return `(${scope.keys.map((k) => `'${readerLexeme(k)}'`).join(' | ')})`
}

function filtersOf(q: TSearchQuery): SQL[] {
  const where: SQL[] = []
  if (q.kind) where.push(sql`se.target_type = ${q.kind}`)
  if (q.documentType) where.push(sql`se.document_type = ${q.documentType}`)
  // Facet values come back verbatim; a typed name matches without case or diacritics too.
  if (q.sender) where.push(sql`lower(f_unaccent(se.sender_name)) = lower(f_unaccent(${q.sender}))`)
  if (q.signer) where.push(sql`lower(f_unaccent(se.signer_name)) = lower(f_unaccent(${q.signer}))`)
  if (q.year) where.push(sql`se.year = ${q.year}`)
  if (q.registerId) where.push(sql`se.register_id = ${q.registerId}`)
  if (q.unitId) where.push(sql`se.unit_id = ${q.unitId}`)
  if (q.state) where.push(sql`se.state = ${q.state}`)
  if (q.from) where.push(sql`se.doc_date >= ${q.from}::date`)
  if (q.to) where.push(sql`se.doc_date <= ${q.to}::date`)
  return where
}

function numberConditions(numbers: readonly string[]): SQL[] {
  return numbers.map((n) => {
    const e = likeEscape(n)
    // Exact and prefix use the b-tree (text_pattern_ops); any part, the trigram index.
    return n.length >= 3
      ? sql`(se.number_key LIKE ${`${e}%`} OR se.number_key LIKE ${`%${e}%`})`
      : sql`se.number_key LIKE ${`${e}%`}`
  })
}

const and = (parts: readonly SQL[]) => (parts.length ? sql.join([...parts], sql` AND `) : sql`TRUE`)

type Plan = {
  parsed: ParsedQuery
  where: SQL[]
  /** Match conditions: the title tier (may be null) and the full tier. */
  titleTier: SQL | null
  fullTier: SQL | null
  score: SQL
  orderInTier: SQL
}

function planOf(q: TSearchQuery, scope: SearchScope): Plan {
  const parsed = parseQuery(q.q)
  const t = tsqueries(parsed)
  const where = filtersOf(q)
  const nums = numberConditions(parsed.numbers)
  if (t.excludeOnly) where.push(sql`NOT (se.tsv @@ ${t.excludeOnly}::tsquery)`)
  // With words to match, permissions are one more term of the same tsquery (one GIN scan).
  const textMatch = t.match ? `${t.match} & ${readersTsquery(scope)}` : null
  if (!textMatch) where.push(readersOverlap(scope))
  const numberBonus = parsed.numbers.length
    ? sql`(CASE WHEN se.number_key = ANY(ARRAY[${sql.join(
        parsed.numbers.map((n) => sql`${n}`),
        sql`, `,
      )}]::text[]) THEN 2 WHEN se.number_key LIKE ${`${likeEscape(parsed.numbers[0]!)}%`} THEN 1 ELSE 0.5 END)`
    : sql`0`
  const rank = t.rank ? sql`ts_rank('{0.05, 0.2, 0.4, 1.0}', se.title_tsv, ${t.rank}::tsquery)` : sql`0`
  const near = t.near ? sql`(CASE WHEN se.title_tsv @@ ${t.near}::tsquery THEN 0.5 ELSE 0 END)` : sql`0`
  // A small preference for recent documents breaks ties between equally good matches.
  const recency = sql`(CASE WHEN se.doc_date IS NULL THEN 0 ELSE 0.05 / (1 + abs(${scope.now.toISOString().slice(0, 10)}::date - se.doc_date) / 365.0) END)`
  const score = sql`(${rank} + ${near} + ${numberBonus} + ${recency})`
  const titleTier = textMatch ? and([...nums, sql`se.title_tsv @@ ${textMatch}::tsquery`]) : null
  const fullTier = textMatch
    ? and([...nums, sql`se.tsv @@ ${textMatch}::tsquery`])
    : nums.length
      ? and(nums)
      : null
  const orderInTier = parsed.numbers.length
    ? sql`ORDER BY (se.number_key = ${parsed.numbers[0]!}) DESC, se.doc_date DESC NULLS LAST`
    : sql``
  return { parsed, where, titleTier, fullTier, score, orderInTier }
}

const CANDIDATE_COLUMNS = sql`se.target_type, se.target_id, se.document_type, se.sender_name, se.signer_name, se.state,
  se.doc_date::text AS doc_date, se.year, se.register_id, se.unit_id`

/**
 * The planner would rather read the table in order and stop at the limit, which detoasts every
 * row's vector to test it; from the GIN index, a match needs no recheck. A bitmap of a common
 * word's million entries must also stay exact (work_mem), or every page is rechecked.
 */
async function candidatesOf(db: Database['db'], plan: Plan): Promise<{ rows: Candidate[]; capped: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`)
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`)
    return candidatesIn(tx, plan)
  })
}

async function candidatesIn(db: Executor, plan: Plan): Promise<{ rows: Candidate[]; capped: boolean }> {
  const base = and(plan.where)
  if (!plan.fullTier) {
    // Browsing by filters only: the newest first.
    const rows = await queryRows<Candidate>(
      db,
      sql`SELECT ${CANDIDATE_COLUMNS}, 0 AS score FROM search_entries se WHERE ${base}
        ORDER BY se.doc_date DESC NULLS LAST, se.target_id LIMIT ${CANDIDATE_CAP + 1}`,
    )
    return { rows: rows.slice(0, CANDIDATE_CAP), capped: rows.length > CANDIDATE_CAP }
  }
  if (plan.titleTier) {
    // A full title tier already holds the best-ranked candidates (ranking reads the title and
    // fields): skip the scan of the whole text, the costliest one for common words.
    const titled = await queryRows<Candidate>(
      db,
      sql`WITH c AS (SELECT se.target_type, se.target_id FROM search_entries se WHERE ${base} AND ${plan.titleTier} ${plan.orderInTier} LIMIT ${CANDIDATE_CAP})
        SELECT ${CANDIDATE_COLUMNS}, ${plan.score} AS score
        FROM c JOIN search_entries se ON se.target_type = c.target_type AND se.target_id = c.target_id`,
    )
    if (titled.length >= CANDIDATE_CAP) return { rows: titled, capped: true }
  }
  const tiers = plan.titleTier
    ? sql`(SELECT se.target_type, se.target_id, 1 AS tier FROM search_entries se WHERE ${base} AND ${plan.titleTier} ${plan.orderInTier} LIMIT ${CANDIDATE_CAP})
      UNION ALL
      (SELECT se.target_type, se.target_id, 2 AS tier FROM search_entries se WHERE ${base} AND ${plan.fullTier} ${plan.orderInTier} LIMIT ${CANDIDATE_CAP + 1})`
    : sql`(SELECT se.target_type, se.target_id, 2 AS tier FROM search_entries se WHERE ${base} AND ${plan.fullTier} ${plan.orderInTier} LIMIT ${CANDIDATE_CAP + 1})`
  // Tier 2 holds at most CAP + 1 rows: more than CAP of them means the set was cut.
  const rows = await queryRows<Candidate & { in_full: boolean }>(
    db,
    sql`WITH c AS (${tiers}),
      u AS (SELECT target_type, target_id, bool_or(tier = 2) AS in_full FROM c GROUP BY target_type, target_id)
      SELECT ${CANDIDATE_COLUMNS}, ${plan.score} AS score, u.in_full
      FROM u JOIN search_entries se ON se.target_type = u.target_type AND se.target_id = u.target_id`,
  )
  const capped = rows.filter((r) => r.in_full).length > CANDIDATE_CAP
  return { rows, capped }
}

/** The planner's estimate of how many entries match (a count would read them all). */
async function estimate(db: Executor, plan: Plan): Promise<number> {
  const cond = plan.fullTier ? and([...plan.where, plan.fullTier]) : and(plan.where)
  const rows = await queryRows<{ 'QUERY PLAN': unknown }>(
    db,
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM search_entries se WHERE ${cond}`,
  )
  const raw = rows[0]?.['QUERY PLAN']
  const plans = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[]
  return Math.round(plans[0]?.Plan['Plan Rows'] ?? 0)
}

/** An exact page in date order over every match (date sorts must not depend on the candidate cut). */
async function datePage(db: Executor, plan: Plan, q: TSearchQuery): Promise<Candidate[]> {
  const cond = plan.fullTier ? and([...plan.where, plan.fullTier]) : and(plan.where)
  const dir = q.sort === 'date_asc' ? sql`ASC NULLS LAST` : sql`DESC NULLS LAST`
  return queryRows<Candidate>(
    db,
    sql`SELECT ${CANDIDATE_COLUMNS}, ${plan.score} AS score FROM search_entries se WHERE ${cond}
      ORDER BY se.doc_date ${dir}, se.target_id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  )
}

function byScore(a: Candidate, b: Candidate) {
  return Number(b.score) - Number(a.score) || (b.doc_date ?? '').localeCompare(a.doc_date ?? '')
}

function byDate(asc: boolean) {
  return (a: Candidate, b: Candidate) => {
    const d = (a.doc_date ?? '').localeCompare(b.doc_date ?? '')
    return (asc ? d : -d) || a.target_id.localeCompare(b.target_id)
  }
}

async function labelsOf(db: Executor, table: 'registers' | 'units', ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT id::text AS id, name FROM ${sql.identifier(table)} WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`,
  )
  return new Map(rows.map((r) => [r.id, r.name]))
}

async function facetsOf(db: Executor, rows: readonly Candidate[]): Promise<TSearchFacets> {
  const count = (pick: (c: Candidate) => string | number | null) => {
    const m = new Map<string, number>()
    for (const c of rows) {
      const v = pick(c)
      if (v === null || v === '') continue
      m.set(String(v), (m.get(String(v)) ?? 0) + 1)
    }
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, FACET_VALUES)
  }
  const plain = (entries: [string, number][], label: (v: string) => string = (v) => v) =>
    entries.map(([value, n]) => ({ value, label: label(value), count: n }))
  const registers = count((c) => c.register_id)
  const units = count((c) => c.unit_id)
  const registerNames = await labelsOf(
    db,
    'registers',
    registers.map(([v]) => v),
  )
  const unitNames = await labelsOf(
    db,
    'units',
    units.map(([v]) => v),
  )
  return {
    kind: plain(count((c) => c.target_type)),
    documentType: plain(
      count((c) => c.document_type),
      (v) => documentTypeByCode(v)?.name ?? v,
    ),
    sender: plain(count((c) => c.sender_name)),
    year: plain(count((c) => c.year)).sort((a, b) => Number(b.value) - Number(a.value)),
    signer: plain(count((c) => c.signer_name)),
    state: plain(count((c) => c.state)),
    registerId: plain(registers, (v) => registerNames.get(v) ?? v),
    unitId: plain(units, (v) => unitNames.get(v) ?? v),
  }
}

/** Drop what the sources' own rules hide from the actor now (a stale entry never leaks). */
async function stillVisible(db: Executor, scope: SearchScope, rows: readonly Candidate[]) {
  const out = new Set<string>()
  const byKind = new Map<string, string[]>()
  for (const r of rows) byKind.set(r.target_type, [...(byKind.get(r.target_type) ?? []), r.target_id])
  for (const [kind, ids] of byKind) {
    const source = searchSource(kind)
    if (!source) continue
    for (const id of await source.visibleIds(db, scope.actor, scope.now, ids)) out.add(`${kind}:${id}`)
  }
  return rows.filter((r) => out.has(`${r.target_type}:${r.target_id}`))
}

type Shown = {
  target_type: string
  target_id: string
  title: string
  number_and_notation: string | null
  sender_name: string | null
  signer_name: string | null
  body: string | null
}

async function shownOf(db: Executor, rows: readonly Candidate[]) {
  if (!rows.length) return new Map<string, Shown>()
  const list = await queryRows<Shown>(
    db,
    sql`SELECT se.target_type, se.target_id, se.title, se.number_and_notation, se.sender_name, se.signer_name,
        left(se.body, 20000) AS body
      FROM search_entries se WHERE (se.target_type, se.target_id) IN (${sql.join(
        rows.map((r) => sql`(${r.target_type}, ${r.target_id}::uuid)`),
        sql`, `,
      )})`,
  )
  return new Map(list.map((s) => [`${s.target_type}:${s.target_id}`, s]))
}

/** Every folded word the results should light up. */
function termsOf(p: ParsedQuery): string[] {
  return [...new Set([...p.words, ...p.phrases.flat(), ...p.numbers.flatMap((n) => words(n))])]
}

function hitOf(c: Candidate, s: Shown | undefined, p: ParsedQuery): TSearchHit {
  const terms = termsOf(p)
  const title = s?.title ?? ''
  const matchedIn: TSearchHit['matchedIn'] = []
  const titleRanges = matchRanges(title, terms)
  if (p.numbers.length && s?.number_and_notation) matchedIn.push('number')
  if (titleRanges.length) matchedIn.push('title')
  if (matchRanges(`${s?.sender_name ?? ''} ${s?.signer_name ?? ''}`, terms).length) matchedIn.push('fields')
  const snippet = s?.body ? (passages(s.body, terms, 1)[0] ?? []) : []
  if (snippet.length) matchedIn.push('text')
  return {
    kind: c.target_type as TSearchHit['kind'],
    id: c.target_id,
    path: searchSource(c.target_type)?.path(c.target_id) ?? '/',
    title: highlight(title, terms),
    numberAndNotation: s?.number_and_notation ?? null,
    senderName: c.sender_name,
    signerName: c.signer_name,
    documentType: c.document_type,
    state: c.state,
    date: c.doc_date,
    snippet,
    matchedIn,
    score: Math.round(Number(c.score) * 1000) / 1000,
  }
}

export async function search(
  db: Database['db'],
  scope: SearchScope,
  q: TSearchQuery,
): Promise<TSearchResult> {
  const started = performance.now()
  const plan = planOf(q, scope)
  const understood = {
    words: plan.parsed.words,
    phrases: plan.parsed.phrases.map((ws) => ws.join(' ')),
    numbers: plan.parsed.numbers,
    excluded: plan.parsed.excluded,
  }
  const empty = (): TSearchResult => ({
    items: [],
    total: 0,
    totalIsEstimate: false,
    facets: {
      kind: [],
      documentType: [],
      sender: [],
      year: [],
      signer: [],
      state: [],
      registerId: [],
      unitId: [],
    },
    facetsArePartial: false,
    understood,
    tookMs: Math.round(performance.now() - started),
  })
  if (!scope.keys.length) return empty()
  const { rows, capped } = await candidatesOf(db, plan)
  return finish(db, scope, q, plan, rows, capped, understood, started, empty)
}

async function finish(
  db: Executor,
  scope: SearchScope,
  q: TSearchQuery,
  plan: Plan,
  rows: Candidate[],
  capped: boolean,
  understood: TSearchResult['understood'],
  started: number,
  empty: () => TSearchResult,
): Promise<TSearchResult> {
  if (!rows.length) return empty()
  const total = capped ? Math.max(await estimate(db, plan), rows.length) : rows.length
  const offset = (q.page - 1) * q.pageSize
  let page: Candidate[]
  if (q.sort === 'relevance' && plan.fullTier) {
    page = [...rows].sort(byScore).slice(offset, offset + q.pageSize)
  } else if (capped) {
    page = await datePage(db, plan, q)
  } else {
    page = [...rows].sort(byDate(q.sort === 'date_asc')).slice(offset, offset + q.pageSize)
  }
  page = await stillVisible(db, scope, page)
  const shown = await shownOf(db, page)
  return {
    items: page.map((c) => hitOf(c, shown.get(`${c.target_type}:${c.target_id}`), plan.parsed)),
    total,
    totalIsEstimate: capped,
    facets: await facetsOf(db, rows),
    facetsArePartial: capped,
    understood,
    tookMs: Math.round(performance.now() - started),
  }
}

/** Search as you type: titles starting with what is typed (the last word as a prefix), or numbers. */
export async function suggest(
  db: Executor,
  scope: SearchScope,
  input: { q: string; limit: number },
): Promise<TSuggestResult> {
  if (!scope.keys.length) return { items: [] }
  const p = parseQuery(input.q)
  let cond: SQL
  if (p.numbers.length) {
    cond = sql`${readersOverlap(scope)} AND se.number_key LIKE ${`${likeEscape(p.numbers[0]!)}%`}`
  } else {
    const ws = [...p.words]
    if (!ws.length) return { items: [] }
    const last = ws.pop()!
    // A one-letter prefix would expand to half the vocabulary: it only counts as a whole word.
    const terms = [...ws.map((w) => `'${w}'`), last.length >= 2 ? `'${last}':*` : `'${last}'`]
    cond = sql`se.title_tsv @@ ${`${terms.join(' & ')} & ${readersTsquery(scope)}`}::tsquery`
  }
  const rows = await queryRows<Candidate & { title: string; number_and_notation: string | null }>(
    db,
    sql`WITH c AS (SELECT se.target_type, se.target_id FROM search_entries se WHERE ${cond} LIMIT 200)
      SELECT ${CANDIDATE_COLUMNS}, se.title, se.number_and_notation, 0 AS score
      FROM c JOIN search_entries se USING (target_type, target_id)
      ORDER BY se.doc_date DESC NULLS LAST LIMIT ${input.limit * 2}`,
  )
  const visible = await stillVisible(db, scope, rows)
  const terms = termsOf(p)
  return {
    items: (visible as typeof rows).slice(0, input.limit).map((r) => ({
      kind: r.target_type as TSearchHit['kind'],
      id: r.target_id,
      path: searchSource(r.target_type)?.path(r.target_id) ?? '/',
      title: highlight(r.title, terms),
      numberAndNotation: r.number_and_notation,
      date: r.doc_date,
    })),
  }
}

/** Where one visible document matches a query: its title and up to five passages. */
export async function highlightOne(
  db: Executor,
  scope: SearchScope,
  input: { kind: string; id: string; q: string },
): Promise<THighlightResult | null> {
  const source = searchSource(input.kind)
  if (!source) return null
  const visible = await source.visibleIds(db, scope.actor, scope.now, [input.id])
  if (!visible.has(input.id)) return null
  const [row] = await queryRows<{ title: string; body: string | null }>(
    db,
    sql`SELECT title, body FROM search_entries WHERE target_type = ${input.kind} AND target_id = ${input.id}`,
  )
  if (!row) return null
  const terms = termsOf(parseQuery(input.q))
  return {
    title: highlight(row.title, terms),
    passages: row.body ? passages(row.body, terms, 5) : [],
    matchCount: row.body ? matchRanges(row.body, terms).length : 0,
  }
}
