/**
 * Incoming documents migrated from the previous system (issue 6), written in bulk into this
 * module's tables: they keep their register, year and arrival number as the old register gave
 * them, arrive 'completed' (history: nothing to process, nobody notified) and carry their
 * migration key, so the same row is never imported twice. The migration module decides what to
 * write; this file only knows the tables.
 */
import { sql } from 'drizzle-orm'
import type { DocumentTypeCode } from '@common/document-types'
import type { Urgency } from '@common/domain'
import { queryRows, type Executor, type Tx } from '../../platform/db/client.ts'
import { documentFiles } from '../../platform/db/schema.ts'

export type MigratedIncoming = {
  migrationKey: string
  registerYear: number
  registerNumber: number
  arrivedAt: Date
  senderOrganizationId: string | null
  senderName: string | null
  numberAndNotation: string | null
  codeNumber: string | null
  codeNotation: string | null
  issueDate: string | null
  documentType: DocumentTypeCode
  subject: string
  signerName: string | null
  signerTitle: string | null
  urgency: Urgency
  pageCount: number | null
  copyCount: number | null
  dueDate: string | null
  notes: string | null
  documentIdentifier: string | null
  /** Stored files: the first is the main file, the rest attachments (text extraction picks them up). */
  fileIds: string[]
}

export type MigrationClashes = {
  /** Keys already imported into this register. */
  importedKeys: Set<string>
  /** `year:number` already used in this register → that document's number and notation (or subject). */
  takenNumbers: Map<string, string>
}

/** What of these rows the register already holds: imported before (same key), or the same number in the same year. */
export async function findMigrationClashes(
  db: Executor,
  registerId: string,
  rows: readonly { key: string; year: number; number: number }[],
): Promise<MigrationClashes> {
  const clashes: MigrationClashes = { importedKeys: new Set(), takenNumbers: new Map() }
  if (rows.length === 0) return clashes
  const keys = new Set(rows.map((r) => r.key))
  const wanted = JSON.stringify(rows.map((r) => ({ key: r.key, year: r.year, number: r.number })))
  const found = await queryRows<{
    migration_key: string | null
    register_year: number
    register_number: number
    label: string
  }>(
    db,
    // Two joins, each on its unique index, rather than one OR that would scan the register.
    sql`WITH wanted AS (SELECT * FROM jsonb_to_recordset(${wanted}::jsonb) AS w(key text, year int, number int))
      SELECT d.migration_key, d.register_year, d.register_number, COALESCE(d.number_and_notation, d.subject) AS label
        FROM wanted w JOIN documents d ON d.register_id = ${registerId} AND d.migration_key = w.key
      UNION
      SELECT d.migration_key, d.register_year, d.register_number, COALESCE(d.number_and_notation, d.subject)
        FROM wanted w JOIN documents d ON d.register_id = ${registerId}
          AND d.register_year = w.year AND d.register_number = w.number`,
  )
  for (const f of found) {
    if (f.migration_key && keys.has(f.migration_key)) clashes.importedKeys.add(f.migration_key)
    // Also when imported: a row with another key may not take the number that document holds.
    clashes.takenNumbers.set(`${f.register_year}:${f.register_number}`, f.label)
  }
  return clashes
}

/**
 * Insert migrated documents and their files; returns the new ids by migration key. The register's
 * yearly sequence moves up to the highest imported number, so the next registration in that year
 * follows the old register instead of colliding with it.
 */
export async function insertMigratedIncoming(
  tx: Tx,
  input: {
    registerId: string
    runId: string
    registeredBy: string
    registeredUnitId: string | null
    at: Date
    documents: readonly MigratedIncoming[]
  },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  if (input.documents.length === 0) return ids
  // One JSON parameter for the whole chunk: thousands of bind parameters cost more than the rows.
  const rows = JSON.stringify(
    input.documents.map((d) => ({ ...d, arrivedAt: d.arrivedAt.toISOString(), fileIds: undefined })),
  )
  const at = input.at.toISOString()
  const inserted = await queryRows<{ id: string; key: string }>(
    tx,
    sql`INSERT INTO documents (direction, state, register_id, register_year, register_number, arrived_at,
        sender_organization_id, sender_name, number_and_notation, code_number, code_notation, number_key,
        issue_date, document_type, subject, signer_name, signer_title, urgency, page_count, copy_count,
        due_date, notes, document_identifier, registered_by, registered_unit_id, migration_key,
        migration_run_id, created_at, updated_at)
      SELECT 'incoming', 'completed', ${input.registerId}, r."registerYear", r."registerNumber", r."arrivedAt",
        r."senderOrganizationId", r."senderName", r."numberAndNotation", r."codeNumber", r."codeNotation",
        lower(f_unaccent(regexp_replace(r."numberAndNotation", '\\s', '', 'g'))),
        r."issueDate", r."documentType", r.subject, r."signerName", r."signerTitle", r.urgency, r."pageCount",
        r."copyCount", r."dueDate", r.notes, r."documentIdentifier", ${input.registeredBy},
        ${input.registeredUnitId}, r."migrationKey", ${input.runId}, ${at}, ${at}
      FROM jsonb_to_recordset(${rows}::jsonb) AS r("registerYear" int, "registerNumber" int,
        "arrivedAt" timestamptz, "senderOrganizationId" uuid, "senderName" text, "numberAndNotation" text,
        "codeNumber" text, "codeNotation" text, "issueDate" date, "documentType" text, subject text,
        "signerName" text, "signerTitle" text, urgency text, "pageCount" int, "copyCount" int, "dueDate" date,
        notes text, "documentIdentifier" text, "migrationKey" text)
      RETURNING id, migration_key AS key`,
  )
  for (const row of inserted) ids.set(row.key, row.id)
  const files = input.documents.flatMap((d) =>
    d.fileIds.map((fileId, i) => ({
      documentId: ids.get(d.migrationKey)!,
      fileId,
      role: i === 0 ? 'main' : 'attachment',
      addedBy: input.registeredBy,
      createdAt: input.at,
    })),
  )
  if (files.length) await tx.insert(documentFiles).values(files).onConflictDoNothing()
  await raiseSequences(tx, input.registerId, input.documents)
  return ids
}

/** register_sequences.last_number ≥ the highest number imported for each year (never lowered). */
async function raiseSequences(
  tx: Tx,
  registerId: string,
  docs: readonly { registerYear: number; registerNumber: number }[],
): Promise<void> {
  const highest = new Map<number, number>()
  for (const d of docs)
    highest.set(d.registerYear, Math.max(highest.get(d.registerYear) ?? 0, d.registerNumber))
  for (const [year, last] of highest) {
    await tx.execute(
      sql`INSERT INTO register_sequences (register_id, year, last_number) VALUES (${registerId}, ${year}, ${last})
        ON CONFLICT (register_id, year) DO UPDATE SET last_number = GREATEST(register_sequences.last_number, EXCLUDED.last_number)`,
    )
  }
}
