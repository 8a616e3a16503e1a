/** Writes to the search index: rows built from a source's SearchDoc (tokens.ts makes the vectors). */
import { sql } from 'drizzle-orm'
import type { Executor } from '../../platform/db/client.ts'
import { numberKey, plainVector, readerLexeme, weightedVector } from '../../platform/search/tokens.ts'
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
  const readers = doc.readers.map((k) => ` '${readerLexeme(k)}'`).join('')
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
    ]).concat(readers),
    tsv: plainVector([doc.title, doc.numberAndNotation, doc.senderName, doc.signerName, body]).concat(
      readers,
    ),
  }
}

const COLUMNS = sql`target_type, target_id, organization_id, title, number_and_notation, number_key, sender_name,
  sender_organization_id, signer_name, document_type, register_id, unit_id, state, doc_date, year, body, readers,
  title_tsv, tsv, indexed_at`

/**
 * INSERT of many rows as one JSON parameter (jsonb_to_recordset): building and binding one value
 * is far cheaper than twenty parameters a row, which matters when a migration or the benchmark
 * writes thousands of rows at once.
 */
export function insertSql(rows: readonly EntryRow[], at: Date) {
  const json = JSON.stringify(
    rows.map((r) => ({
      target_type: r.targetType,
      target_id: r.targetId,
      organization_id: r.organizationId,
      title: r.title,
      number_and_notation: r.numberAndNotation,
      number_key: r.numberKey,
      sender_name: r.senderName,
      sender_organization_id: r.senderOrganizationId,
      signer_name: r.signerName,
      document_type: r.documentType,
      register_id: r.registerId,
      unit_id: r.unitId,
      state: r.state,
      doc_date: r.docDate,
      year: r.year,
      body: r.body,
      readers: r.readers,
      title_tsv: r.titleTsv,
      tsv: r.tsv,
    })),
  )
  return sql`INSERT INTO search_entries (${COLUMNS})
    SELECT x.target_type, x.target_id, x.organization_id, x.title, x.number_and_notation, x.number_key, x.sender_name,
      x.sender_organization_id, x.signer_name, x.document_type, x.register_id, x.unit_id, x.state, x.doc_date, x.year,
      x.body, x.readers, x.title_tsv::tsvector, x.tsv::tsvector, ${at.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${json}::jsonb) AS x(target_type text, target_id uuid, organization_id uuid, title text,
      number_and_notation text, number_key text, sender_name text, sender_organization_id uuid, signer_name text,
      document_type text, register_id uuid, unit_id uuid, state text, doc_date date, year integer, body text,
      readers text[], title_tsv text, tsv text)`
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
  for (let i = 0; i < docs.length; i += 500) {
    const rows = docs.slice(i, i + 500).map((d) => entryRow(kind, d))
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
