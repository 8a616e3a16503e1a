/** Write side of consultations. */
import { and, eq, sql } from 'drizzle-orm'
import type { Tx } from '../../platform/db/client.ts'
import {
  consultationDispositions,
  consultationExtensions,
  consultationMaterials,
  consultationParticipants,
  consultationReceiptCounters,
  consultationResponses,
  consultations,
} from '../../platform/db/schema.ts'

export async function insertConsultation(
  tx: Tx,
  values: Omit<typeof consultations.$inferInsert, 'id'>,
): Promise<string> {
  const [row] = await tx.insert(consultations).values(values).returning({ id: consultations.id })
  return row!.id
}

export async function updateConsultation(
  tx: Tx,
  id: string,
  values: Partial<typeof consultations.$inferInsert>,
): Promise<void> {
  await tx.update(consultations).set(values).where(eq(consultations.id, id))
}

/** Replace the participants, in the given order. */
export async function replaceParticipants(tx: Tx, consultationId: string, memberIds: readonly string[]) {
  await tx.delete(consultationParticipants).where(eq(consultationParticipants.consultationId, consultationId))
  if (memberIds.length === 0) return
  await tx
    .insert(consultationParticipants)
    .values(memberIds.map((memberId, position) => ({ consultationId, memberId, position })))
}

export type MaterialInsert = Omit<typeof consultationMaterials.$inferInsert, 'id' | 'consultationId'>

/** Replace the materials other than revised drafts (those are added after closing). */
export async function replaceMaterials(tx: Tx, consultationId: string, rows: readonly MaterialInsert[]) {
  await tx
    .delete(consultationMaterials)
    .where(
      and(
        eq(consultationMaterials.consultationId, consultationId),
        sql`${consultationMaterials.role} <> 'revised_draft'`,
      ),
    )
  if (rows.length) await tx.insert(consultationMaterials).values(rows.map((r) => ({ ...r, consultationId })))
}

export async function insertMaterial(tx: Tx, consultationId: string, row: MaterialInsert): Promise<string> {
  const [out] = await tx
    .insert(consultationMaterials)
    .values({ ...row, consultationId })
    .returning({ id: consultationMaterials.id })
  return out!.id
}

export async function insertExtension(
  tx: Tx,
  values: Omit<typeof consultationExtensions.$inferInsert, 'id'>,
) {
  await tx.insert(consultationExtensions).values(values)
}

export type ResponseValues = Omit<
  typeof consultationResponses.$inferInsert,
  'id' | 'consultationId' | 'memberId'
>

/** Insert or update the one response of a member; returns its id. */
export async function upsertResponse(
  tx: Tx,
  consultationId: string,
  memberId: string,
  values: ResponseValues,
): Promise<string> {
  const [row] = await tx
    .insert(consultationResponses)
    .values({ ...values, consultationId, memberId })
    .onConflictDoUpdate({
      target: [consultationResponses.consultationId, consultationResponses.memberId],
      set: values,
    })
    .returning({ id: consultationResponses.id })
  return row!.id
}

/** The member's signed PDF of their answer. */
export async function setResponseSigned(
  tx: Tx,
  responseId: string,
  fileId: string,
  now: Date,
): Promise<void> {
  await tx
    .update(consultationResponses)
    .set({ signedFileId: fileId, updatedAt: now })
    .where(eq(consultationResponses.id, responseId))
}

/** The next receipt number of the year: YK-<year>-<seq, six digits>. */
export async function nextReceiptNumber(tx: Tx, year: number): Promise<string> {
  const [row] = await tx
    .insert(consultationReceiptCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: consultationReceiptCounters.year,
      set: { lastNumber: sql`${consultationReceiptCounters.lastNumber} + 1` },
    })
    .returning({ n: consultationReceiptCounters.lastNumber })
  return `YK-${year}-${String(row!.n).padStart(6, '0')}`
}

export type DispositionValues = {
  commentId: string
  disposition: string | null
  explanation: string | null
  revisedText: string | null
}

export async function upsertDispositions(
  tx: Tx,
  consultationId: string,
  rows: readonly DispositionValues[],
  by: string,
  at: Date,
) {
  if (rows.length === 0) return
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(consultationDispositions)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, consultationId, updatedBy: by, updatedAt: at })))
      .onConflictDoUpdate({
        target: [consultationDispositions.consultationId, consultationDispositions.commentId],
        set: {
          disposition: sql`excluded.disposition`,
          explanation: sql`excluded.explanation`,
          revisedText: sql`excluded.revised_text`,
          updatedBy: by,
          updatedAt: at,
        },
      })
  }
}
