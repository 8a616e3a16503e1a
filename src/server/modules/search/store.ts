/** Writes to the search index: rows built from a source's SearchDoc (tokens.ts makes the vectors). */
import { sql } from 'drizzle-orm'
import type { Executor } from '../../platform/db/client.ts'
import { numberKey, plainVector, weightedVector } from '../../platform/search/tokens.ts'
import type { SearchDoc } from './source.ts'

/** Text kept per entry for matching and snippets: a few pages; a longer file is still found by its start. */
export const BODY_MAX_CHARS = 20_000

export type EntryRow = SearchDoc & {
  targetType: string
  numberKey: string | null
  year: number | null
  titleTsv: string
  tsv: string
}

/** The row the index stores for one document (pure: the benchmark loads rows built the same way). */
export function entryRow(kind: string, doc: SearchDoc): EntryRow {
  const body = doc.body ? doc.body.normalize('NFC').replaceAll('\u0000', '').slice(0, BODY_MAX_CHARS) : null
  return {
    ...doc,
    targetType: kind,
    body,
    numberKey: doc.numberAndNotation ? numberKey(doc.numberAndNotation) : null,
    year: doc.docDate ? Number(doc.docDate.slice(0, 4)) : null,
    titleTsv: weightedVector([
      { text: doc.title, weight: 'A' },
      { text: doc.numberAndNotation, weight: 'A' },
      { text: doc.senderName, weight: 'B' },
      { text: doc.signerName, weight: 'B' },
    ]),
    tsv: plainVector([doc.title, doc.numberAndNotation, doc.senderName, doc.signerName, body]),
  }
}

const COLUMNS = sql`target_type, target_id, organization_id, title, number_and_notation, number_key, sender_name,
  sender_organization_id, signer_name, document_type, register_id, unit_id, state, doc_date, year, body, readers,
  title_tsv, tsv, indexed_at`

/** The VALUES tuple of one row (also used by the benchmark's bulk load). */
export function rowValues(r: EntryRow, at: Date) {
  return sql`(${r.targetType}, ${r.targetId}, ${r.organizationId}, ${r.title}, ${r.numberAndNotation}, ${r.numberKey},
    ${r.senderName}, ${r.senderOrganizationId}, ${r.signerName}, ${r.documentType}, ${r.registerId}, ${r.unitId},
    ${r.state}, ${r.docDate}::date, ${r.year}, ${r.body}, ${sql`ARRAY[${sql.join(
      r.readers.map((k) => sql`${k}`),
      sql`, `,
    )}]::text[]`}, ${r.titleTsv}::tsvector, ${r.tsv}::tsvector, ${at.toISOString()}::timestamptz)`
}

export function insertSql(rows: readonly EntryRow[], at: Date) {
  return sql`INSERT INTO search_entries (${COLUMNS}) VALUES ${sql.join(
    rows.map((r) => rowValues(r, at)),
    sql`, `,
  )}`
}

/** Replace the entries of these targets: upsert what loaded, delete what did not. */
export async function writeEntries(
  db: Executor,
  kind: string,
  ids: readonly string[],
  docs: readonly SearchDoc[],
  at: Date,
): Promise<void> {
  const present = new Set(docs.map((d) => d.targetId))
  const gone = ids.filter((id) => !present.has(id))
  if (gone.length) {
    await db.execute(sql`DELETE FROM search_entries WHERE target_type = ${kind}
      AND target_id IN (${sql.join(
        gone.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`)
  }
  for (let i = 0; i < docs.length; i += 100) {
    const rows = docs.slice(i, i + 100).map((d) => entryRow(kind, d))
    await db.execute(sql`${insertSql(rows, at)}
      ON CONFLICT (target_type, target_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
        title = EXCLUDED.title, number_and_notation = EXCLUDED.number_and_notation, number_key = EXCLUDED.number_key,
        sender_name = EXCLUDED.sender_name, sender_organization_id = EXCLUDED.sender_organization_id,
        signer_name = EXCLUDED.signer_name, document_type = EXCLUDED.document_type, register_id = EXCLUDED.register_id,
        unit_id = EXCLUDED.unit_id, state = EXCLUDED.state, doc_date = EXCLUDED.doc_date, year = EXCLUDED.year,
        body = EXCLUDED.body, readers = EXCLUDED.readers, title_tsv = EXCLUDED.title_tsv, tsv = EXCLUDED.tsv,
        indexed_at = EXCLUDED.indexed_at`)
  }
}
