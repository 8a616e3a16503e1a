/**
 * Outgoing documents migrated from the previous system (issue 6), written in bulk into this
 * module's tables: state 'issued' with the number, notation and issue date the old register gave
 * them, each number recorded in register_number_log as used (Decree 30/2020 Art. 15: a number is
 * given once), and the migration key that keeps a row from being imported twice. The drafter and
 * signer are users (outgoing_details needs both): the migration module passes who they are; the
 * printed signer name stays in documents.signer_name.
 */
import { sql } from 'drizzle-orm'
import type { DocumentTypeCode } from '@common/document-types'
import type { Urgency } from '@common/domain'
import { queryRows, type Executor, type Tx } from '../../platform/db/client.ts'
import { outgoingDetails, outgoingFiles, registerNumberLog } from '../../platform/db/schema.ts'

export type MigratedOutgoing = {
  migrationKey: string
  registerYear: number
  registerNumber: number
  numberAndNotation: string
  codeNumber: string | null
  codeNotation: string | null
  issueDate: string
  /** Issue date at midnight in Viet Nam: when the old register says it was issued. */
  issuedAt: Date
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
  drafterId: string
  drafterUnitId: string | null
  signerId: string
  /** Stored files: the first is the issued document, the rest attachments. */
  fileIds: string[]
}

export type OutgoingMigrationClashes = {
  importedKeys: Set<string>
  /** `year:number` already given in this register (used or cancelled) → what holds it. */
  takenNumbers: Map<string, string>
}

/** What of these rows the register already holds: imported before (same key), or a number already given that year. */
export async function findOutgoingMigrationClashes(
  db: Executor,
  registerId: string,
  rows: readonly { key: string; year: number; number: number }[],
): Promise<OutgoingMigrationClashes> {
  const clashes: OutgoingMigrationClashes = { importedKeys: new Set(), takenNumbers: new Map() }
  if (rows.length === 0) return clashes
  const keys = new Set(rows.map((r) => r.key))
  const wanted = JSON.stringify(rows.map((r) => ({ key: r.key, year: r.year, number: r.number })))
  const found = await queryRows<{
    migration_key: string | null
    year: number
    number: number
    label: string
  }>(
    db,
    // Joins on the unique indexes, rather than one OR that would scan the register.
    sql`WITH wanted AS (SELECT * FROM jsonb_to_recordset(${wanted}::jsonb) AS w(key text, year int, number int))
      SELECT d.migration_key, d.register_year AS year, d.register_number AS number,
          COALESCE(d.number_and_notation, d.subject) AS label
        FROM wanted w JOIN documents d ON d.register_id = ${registerId} AND d.migration_key = w.key
      UNION
      SELECT d.migration_key, d.register_year, d.register_number, COALESCE(d.number_and_notation, d.subject)
        FROM wanted w JOIN documents d ON d.register_id = ${registerId}
          AND d.register_year = w.year AND d.register_number = w.number
      UNION ALL
      SELECT NULL, l.year, l.number, l.number_and_notation || CASE WHEN l.state = 'cancelled' THEN ' (số đã hủy)' ELSE '' END
        FROM wanted w JOIN register_number_log l ON l.register_id = ${registerId} AND l.year = w.year AND l.number = w.number`,
  )
  for (const f of found) {
    if (f.migration_key && keys.has(f.migration_key)) clashes.importedKeys.add(f.migration_key)
    const at = `${f.year}:${f.number}`
    if (!clashes.takenNumbers.has(at)) clashes.takenNumbers.set(at, f.label)
  }
  return clashes
}

/**
 * Insert migrated outgoing documents with their details, files and number log; returns the new
 * ids by migration key. The register's yearly sequence moves up to the highest imported number.
 */
export async function insertMigratedOutgoing(
  tx: Tx,
  input: {
    registerId: string
    runId: string
    importedBy: string
    at: Date
    documents: readonly MigratedOutgoing[]
  },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  if (input.documents.length === 0) return ids
  // One JSON parameter for the whole chunk: thousands of bind parameters cost more than the rows.
  const rows = JSON.stringify(
    input.documents.map((d) => ({ ...d, issuedAt: d.issuedAt.toISOString(), fileIds: undefined })),
  )
  const at = input.at.toISOString()
  const inserted = await queryRows<{ id: string; key: string }>(
    tx,
    sql`INSERT INTO documents (direction, state, register_id, register_year, register_number,
        number_and_notation, code_number, code_notation, number_key, issue_date, document_type, subject,
        signer_name, signer_title, urgency, page_count, copy_count, due_date, notes, document_identifier,
        registered_by, migration_key, migration_run_id, created_at, updated_at)
      SELECT 'outgoing', 'issued', ${input.registerId}, r."registerYear", r."registerNumber",
        r."numberAndNotation", r."codeNumber", r."codeNotation",
        lower(f_unaccent(regexp_replace(r."numberAndNotation", '\\s', '', 'g'))), r."issueDate",
        r."documentType", r.subject, r."signerName", r."signerTitle", r.urgency, r."pageCount", r."copyCount",
        r."dueDate", r.notes, r."documentIdentifier", ${input.importedBy}, r."migrationKey", ${input.runId},
        ${at}, ${at}
      FROM jsonb_to_recordset(${rows}::jsonb) AS r("registerYear" int, "registerNumber" int,
        "numberAndNotation" text, "codeNumber" text, "codeNotation" text, "issueDate" date, "documentType" text,
        subject text, "signerName" text, "signerTitle" text, urgency text, "pageCount" int, "copyCount" int,
        "dueDate" date, notes text, "documentIdentifier" text, "migrationKey" text)
      RETURNING id, migration_key AS key`,
  )
  for (const row of inserted) ids.set(row.key, row.id)
  const idOf = (d: MigratedOutgoing) => ids.get(d.migrationKey)!
  await tx.insert(outgoingDetails).values(
    input.documents.map((d) => ({
      documentId: idOf(d),
      drafterId: d.drafterId,
      drafterUnitId: d.drafterUnitId,
      signerId: d.signerId,
      issuedFileId: d.fileIds[0] ?? null,
      issuedAt: d.issuedAt,
      createdAt: input.at,
      updatedAt: input.at,
    })),
  )
  const files = input.documents.flatMap((d) =>
    d.fileIds.map((fileId, i) => ({
      documentId: idOf(d),
      fileId,
      role: i === 0 ? 'main' : 'attachment',
      addedBy: input.importedBy,
      createdAt: input.at,
    })),
  )
  if (files.length) await tx.insert(outgoingFiles).values(files).onConflictDoNothing()
  await tx.insert(registerNumberLog).values(
    input.documents.map((d) => ({
      registerId: input.registerId,
      year: d.registerYear,
      number: d.registerNumber,
      documentId: idOf(d),
      numberAndNotation: d.numberAndNotation,
      state: 'used',
      assignedBy: input.importedBy,
      assignedAt: d.issuedAt,
    })),
  )
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
