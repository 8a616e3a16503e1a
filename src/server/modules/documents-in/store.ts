/** Write side of incoming documents: registers, arrival numbers, documents, files, assignments, notes, reads. */
import { and, eq, sql } from 'drizzle-orm'
import type { Executor, Tx } from '../../platform/db/client.ts'
import {
  assignments,
  documentFiles,
  documentNotes,
  documentReads,
  documents,
  notifications,
  registers,
} from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors.ts'

/** Lock space for "one registration per form submission" (two-key advisory locks). */
const CLIENT_REQUEST_LOCK_CLASS = 7_300_301

/** The PostgreSQL error code of a unique violation on the named index, looked up through wrapped causes. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const {
      code,
      constraint: name,
      message,
    } = e as { code?: unknown; constraint?: unknown; message?: unknown }
    if (
      code === '23505' &&
      (name === constraint || (typeof message === 'string' && message.includes(constraint)))
    )
      return true
  }
  return false
}

export async function insertRegister(
  tx: Tx,
  values: Omit<typeof registers.$inferInsert, 'id'>,
): Promise<string> {
  try {
    const [row] = await tx.insert(registers).values(values).returning({ id: registers.id })
    return row!.id
  } catch (err) {
    if (isUniqueViolation(err, 'registers_org_kind_code_key')) throw registerCodeTaken(values.code)
    throw err
  }
}

export function registerCodeTaken(code: string): AppError {
  return new AppError('CONFLICT', {
    message: `The register code ${code} is already used`,
    details: [{ path: 'code', message: 'Mã sổ đã được dùng' }],
  })
}

export async function updateRegister(
  tx: Tx,
  id: string,
  patch: Partial<typeof registers.$inferInsert>,
): Promise<void> {
  await tx.update(registers).set(patch).where(eq(registers.id, id))
}

/**
 * The next arrival number of a register for a year (Decree 30/2020, Art. 22.2: consecutive through
 * the year, restarting on 1 January). The upsert locks the sequence row until the transaction ends,
 * so concurrent registrations take turns; a rollback gives the number back: no gap, no repeat.
 */
export async function nextRegisterNumber(tx: Tx, registerId: string, year: number): Promise<number> {
  const result = (await tx.execute(
    sql`INSERT INTO register_sequences (register_id, year, last_number) VALUES (${registerId}, ${year}, 1)
      ON CONFLICT (register_id, year) DO UPDATE SET last_number = register_sequences.last_number + 1
      RETURNING last_number`,
  )) as unknown as { rows: { last_number: number | string }[] }
  return Number(result.rows[0]!.last_number)
}

/** Serialises submissions of one form (same user, same clientRequestId) until the transaction ends. */
export async function lockClientRequest(tx: Tx, userId: string, clientRequestId: string): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${CLIENT_REQUEST_LOCK_CLASS}, hashtext(${`${userId}:${clientRequestId}`}))`,
  )
}

export async function findByClientRequest(
  db: Executor,
  userId: string,
  clientRequestId: string,
): Promise<string | null> {
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.registeredBy, userId), eq(documents.clientRequestId, clientRequestId)))
    .limit(1)
  return rows[0]?.id ?? null
}

/** The normalised number and notation: lower case, no diacritics, no spaces (duplicate check, search). */
export function numberKeySql(numberAndNotation: string | null) {
  return numberAndNotation === null
    ? null
    : sql`lower(f_unaccent(regexp_replace(${numberAndNotation}, '\\s', '', 'g')))`
}

type DocumentInsert = Omit<typeof documents.$inferInsert, 'id' | 'numberKey'>

export async function insertDocument(tx: Tx, values: DocumentInsert): Promise<string> {
  const [row] = await tx
    .insert(documents)
    .values({ ...values, numberKey: numberKeySql(values.numberAndNotation ?? null) })
    .returning({ id: documents.id })
  return row!.id
}

export async function updateDocument(tx: Tx, id: string, patch: Partial<DocumentInsert>): Promise<void> {
  const withKey =
    'numberAndNotation' in patch
      ? { ...patch, numberKey: numberKeySql(patch.numberAndNotation ?? null) }
      : patch
  await tx.update(documents).set(withKey).where(eq(documents.id, id))
}

export async function insertDocumentFiles(
  tx: Tx,
  rows: (typeof documentFiles.$inferInsert)[],
): Promise<void> {
  if (rows.length) await tx.insert(documentFiles).values(rows).onConflictDoNothing()
}

export async function insertAssignments(
  tx: Tx,
  rows: Omit<typeof assignments.$inferInsert, 'id'>[],
): Promise<string[]> {
  if (rows.length === 0) return []
  const inserted = await tx.insert(assignments).values(rows).returning({ id: assignments.id })
  return inserted.map((r) => r.id)
}

export async function updateAssignment(
  tx: Tx,
  id: string,
  patch: Partial<typeof assignments.$inferInsert>,
  at: Date,
): Promise<void> {
  await tx
    .update(assignments)
    .set({ ...patch, updatedAt: at })
    .where(eq(assignments.id, id))
}

export async function insertNote(
  tx: Tx,
  values: Omit<typeof documentNotes.$inferInsert, 'id'>,
): Promise<string> {
  const [row] = await tx.insert(documentNotes).values(values).returning({ id: documentNotes.id })
  return row!.id
}

/** Remember who opened the document, first and last time (a read receipt, not an audit event). */
export async function upsertRead(db: Executor, documentId: string, userId: string, at: Date): Promise<void> {
  await db
    .insert(documentReads)
    .values({ documentId, userId, firstReadAt: at, lastReadAt: at })
    .onConflictDoUpdate({ target: [documentReads.documentId, documentReads.userId], set: { lastReadAt: at } })
}

/** Extraction results of one attached file; only a file still pending is written (a job may run twice). */
export async function storeExtractedText(
  db: Executor,
  id: string,
  result: { textStatus: 'done' | 'failed' | 'scanned'; extractedText: string | null },
): Promise<void> {
  await db
    .update(documentFiles)
    .set(result)
    .where(and(eq(documentFiles.id, id), eq(documentFiles.textStatus, 'pending')))
}

/** In-app notifications for an event, skipping any already written (the handler may run twice). */
export async function insertNotifications(
  tx: Tx,
  rows: (typeof notifications.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return
  await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.eventId, notifications.userId, notifications.kind] })
}
