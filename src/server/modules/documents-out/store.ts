/** Writes to the outgoing-documents tables. */
import { and, eq, sql } from 'drizzle-orm'
import { queryRows, type Executor, type Tx } from '../../platform/db/client.ts'
import {
  approvalSteps,
  documentLinks,
  documentSignatures,
  documents,
  draftComments,
  draftVersions,
  outgoingDetails,
  outgoingFiles,
  outgoingRecipients,
  registerNumberLog,
  submissionSlips,
} from '../../platform/db/schema.ts'

type DocumentInsert = Omit<typeof documents.$inferInsert, 'id'>

export async function insertOutgoing(
  tx: Tx,
  doc: DocumentInsert,
  details: Omit<typeof outgoingDetails.$inferInsert, 'documentId'>,
): Promise<string> {
  const [row] = await tx.insert(documents).values(doc).returning({ id: documents.id })
  await tx.insert(outgoingDetails).values({ ...details, documentId: row!.id })
  return row!.id
}

export async function updateOutgoing(
  tx: Tx,
  id: string,
  patch: Partial<DocumentInsert>,
  details: Partial<typeof outgoingDetails.$inferInsert> = {},
  now?: Date,
): Promise<void> {
  if (Object.keys(patch).length || now)
    await tx
      .update(documents)
      .set({ ...patch, ...(now ? { updatedAt: now } : {}) })
      .where(eq(documents.id, id))
  if (Object.keys(details).length || now)
    await tx
      .update(outgoingDetails)
      .set({ ...details, ...(now ? { updatedAt: now } : {}) })
      .where(eq(outgoingDetails.documentId, id))
}

export async function insertVersion(tx: Tx, v: Omit<typeof draftVersions.$inferInsert, 'id' | 'version'>) {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`SELECT COALESCE(MAX(version), 0)::int + 1 AS n FROM draft_versions WHERE document_id = ${v.documentId}`,
  )
  const [row] = await tx
    .insert(draftVersions)
    .values({ ...v, version: Number(rows[0]!.n) })
    .returning()
  return row!
}

export async function updateVersion(
  db: Executor,
  id: string,
  patch: Partial<typeof draftVersions.$inferInsert>,
) {
  await db.update(draftVersions).set(patch).where(eq(draftVersions.id, id))
}

export async function insertComment(tx: Tx, c: Omit<typeof draftComments.$inferInsert, 'id'>) {
  await tx.insert(draftComments).values(c)
}

export async function insertSteps(tx: Tx, steps: Omit<typeof approvalSteps.$inferInsert, 'id'>[]) {
  return tx.insert(approvalSteps).values(steps).returning()
}

export async function updateStep(tx: Tx, id: string, patch: Partial<typeof approvalSteps.$inferInsert>) {
  await tx.update(approvalSteps).set(patch).where(eq(approvalSteps.id, id))
}

/** Steps of a round still waiting are skipped when the round ends early (return, reject). */
export async function skipWaitingSteps(tx: Tx, documentId: string, round: number) {
  await tx
    .update(approvalSteps)
    .set({ state: 'skipped' })
    .where(
      and(
        eq(approvalSteps.documentId, documentId),
        eq(approvalSteps.round, round),
        sql`${approvalSteps.state} IN ('waiting', 'pending')`,
      ),
    )
}

export async function insertSlip(tx: Tx, s: Omit<typeof submissionSlips.$inferInsert, 'id'>) {
  await tx.insert(submissionSlips).values(s)
}

export async function decideSlip(
  tx: Tx,
  stepId: string,
  patch: Partial<typeof submissionSlips.$inferInsert>,
) {
  await tx
    .update(submissionSlips)
    .set(patch)
    .where(and(eq(submissionSlips.stepId, stepId), sql`${submissionSlips.decision} IS NULL`))
}

export async function replaceRecipients(
  tx: Tx,
  documentId: string,
  rows: Omit<typeof outgoingRecipients.$inferInsert, 'id' | 'documentId'>[],
) {
  await tx.delete(outgoingRecipients).where(eq(outgoingRecipients.documentId, documentId))
  if (rows.length) await tx.insert(outgoingRecipients).values(rows.map((r) => ({ ...r, documentId })))
}

export async function updateRecipient(
  db: Executor,
  id: string,
  patch: Partial<typeof outgoingRecipients.$inferInsert>,
) {
  await db.update(outgoingRecipients).set(patch).where(eq(outgoingRecipients.id, id))
}

export async function replaceLinks(
  tx: Tx,
  fromId: string,
  kind: string,
  toIds: readonly string[],
  now: Date,
) {
  await tx
    .delete(documentLinks)
    .where(and(eq(documentLinks.fromDocumentId, fromId), eq(documentLinks.kind, kind)))
  if (toIds.length)
    await tx
      .insert(documentLinks)
      .values(toIds.map((toDocumentId) => ({ fromDocumentId: fromId, toDocumentId, kind, createdAt: now })))
}

export async function insertLink(
  tx: Tx,
  fromDocumentId: string,
  toDocumentId: string,
  kind: string,
  now: Date,
) {
  await tx
    .insert(documentLinks)
    .values({ fromDocumentId, toDocumentId, kind, createdAt: now })
    .onConflictDoNothing()
}

export async function insertOutgoingFiles(tx: Tx, rows: Omit<typeof outgoingFiles.$inferInsert, 'id'>[]) {
  if (rows.length) await tx.insert(outgoingFiles).values(rows).onConflictDoNothing()
}

export async function deleteOutgoingFile(tx: Tx, documentId: string, fileId: string, role: string) {
  const rows = await tx
    .delete(outgoingFiles)
    .where(
      and(
        eq(outgoingFiles.documentId, documentId),
        eq(outgoingFiles.fileId, fileId),
        eq(outgoingFiles.role, role),
      ),
    )
    .returning({ id: outgoingFiles.id })
  return rows.length
}

export async function insertSignature(tx: Tx, s: Omit<typeof documentSignatures.$inferInsert, 'id'>) {
  const [row] = await tx.insert(documentSignatures).values(s).returning()
  return row!
}

/**
 * The next number of a register for a year (Decree 30/2020, Art. 15: from 01 on 1 January). The
 * upsert locks the sequence row until the transaction ends, so concurrent numberings take turns;
 * a rollback gives the number back. Once committed, a number is in register_number_log for good.
 */
export async function nextNumber(tx: Tx, registerId: string, year: number): Promise<number> {
  const rows = await queryRows<{ last_number: number | string }>(
    tx,
    sql`INSERT INTO register_sequences (register_id, year, last_number) VALUES (${registerId}, ${year}, 1)
      ON CONFLICT (register_id, year) DO UPDATE SET last_number = register_sequences.last_number + 1
      RETURNING last_number`,
  )
  return Number(rows[0]!.last_number)
}

/**
 * Take the next number and record it in one statement: the sequence upsert (which locks the
 * sequence row until commit), the document's number and the 'used' log row. One round trip while
 * the lock is held keeps numbering fast under concurrency.
 */
export async function takeNumber(
  tx: Tx,
  input: {
    registerId: string
    year: number
    documentId: string
    notation: string
    assignedBy: string
    at: Date
  },
): Promise<{ number: number; numberAndNotation: string }> {
  const at = input.at.toISOString()
  const rows = await queryRows<{ number: number | string; number_and_notation: string }>(
    tx,
    sql`WITH seq AS (
        INSERT INTO register_sequences (register_id, year, last_number) VALUES (${input.registerId}, ${input.year}, 1)
        ON CONFLICT (register_id, year) DO UPDATE SET last_number = register_sequences.last_number + 1
        RETURNING last_number AS number,
          (CASE WHEN last_number < 10 THEN '0' || last_number ELSE last_number::text END) || '/' || ${input.notation} AS nn),
      doc AS (
        UPDATE documents SET register_id = ${input.registerId}, register_year = ${input.year}, register_number = seq.number,
          number_and_notation = seq.nn, code_number = split_part(seq.nn, '/', 1), code_notation = ${input.notation},
          number_key = lower(f_unaccent(seq.nn)), updated_at = ${at}
        FROM seq WHERE documents.id = ${input.documentId}),
      log AS (
        INSERT INTO register_number_log (register_id, year, number, document_id, number_and_notation, state, assigned_by, assigned_at)
        SELECT ${input.registerId}, ${input.year}, seq.number, ${input.documentId}, seq.nn, 'used', ${input.assignedBy}, ${at} FROM seq)
      SELECT number, nn AS number_and_notation FROM seq`,
  )
  return { number: Number(rows[0]!.number), numberAndNotation: rows[0]!.number_and_notation }
}

export async function logNumber(tx: Tx, row: typeof registerNumberLog.$inferInsert) {
  await tx.insert(registerNumberLog).values(row)
}

export async function cancelLoggedNumber(
  tx: Tx,
  key: { registerId: string; year: number; number: number },
  patch: { reason: string; cancelledBy: string; cancelledAt: Date },
) {
  await tx
    .update(registerNumberLog)
    .set({ state: 'cancelled', ...patch })
    .where(
      and(
        eq(registerNumberLog.registerId, key.registerId),
        eq(registerNumberLog.year, key.year),
        eq(registerNumberLog.number, key.number),
      ),
    )
}
