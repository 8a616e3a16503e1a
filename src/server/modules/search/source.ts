/**
 * What a module gives the search index (issue 6): the events that change what it shows, how to
 * load its searchable fields and readers, and its own visibility check for a page of results.
 * Incoming and outgoing documents and consultations register now; dossiers, the library and the
 * portal register theirs when they come, and the engine behind store.ts/query.ts can change
 * without touching them.
 */
import type { SearchKind } from '@common/contracts/search'
import type { Actor } from '../../platform/context.ts'
import { sql, type SQL } from 'drizzle-orm'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import type { RecordedEvent } from '../../platform/events/record.ts'

/** One searchable thing as its module sees it. */
export type SearchDoc = {
  targetId: string
  organizationId: string | null
  title: string
  numberAndNotation: string | null
  senderName: string | null
  senderOrganizationId: string | null
  signerName: string | null
  documentType: string | null
  registerId: string | null
  unitId: string | null
  state: string | null
  /** yyyy-mm-dd */
  docDate: string | null
  /** The files' text. */
  body: string | null
  /** Access keys: whoever holds one of them (SearchSource.actorKeys) may see it. */
  readers: string[]
}

export type SearchSource = {
  kind: SearchKind
  /** Event actions after which targetsOf(event) must be indexed again. */
  actions: readonly string[]
  targetsOf(event: RecordedEvent): string[]
  /** The current fields of these targets; a missing id (deleted, or no longer searchable) is removed. */
  load(db: Executor, ids: readonly string[]): Promise<SearchDoc[]>
  /** Every id, in pages (a full re-index). */
  allIds(db: Executor, after: string | null, limit: number): Promise<string[]>
  /** The keys this actor holds now (see SearchDoc.readers), delegations included. */
  actorKeys(db: Executor, actor: Actor, now: Date): Promise<string[]>
  /** Which of these ids the actor sees now, by the module's own rules (a stale index never leaks). */
  visibleIds(db: Executor, actor: Actor, now: Date, ids: readonly string[]): Promise<Set<string>>
  /** Where the web opens one. */
  path(id: string): string
}

const sources = new Map<SearchKind, SearchSource>()

/** Called by a module's register(); idempotent (tests build many apps in one process). */
export function registerSearchSource(source: SearchSource): void {
  sources.set(source.kind, source)
}

export function searchSources(): SearchSource[] {
  return [...sources.values()]
}

export function searchSource(kind: string): SearchSource | undefined {
  return sources.get(kind as SearchKind)
}

/**
 * A source's allIds over a table keyed by uuid `id`: the next `limit` ids after `after`, in order,
 * among the rows where `where` holds.
 */
export function idPages(table: string, where: SQL = sql`true`): SearchSource['allIds'] {
  return async (db, after, limit) => {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM ${sql.identifier(table)} WHERE ${where} ${after ? sql`AND id > ${after}::uuid` : sql``}
        ORDER BY id LIMIT ${limit}`,
    )
    return rows.map((r) => r.id)
  }
}
