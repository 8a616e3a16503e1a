/** Writes to the files module's tables (blobs, files). */
import type { Tx } from '../../platform/db/client.ts'
import { blobs, files } from '../../platform/db/schema.ts'
import type { FileRow } from './queries.ts'

/** One row per distinct content; a second upload of the same bytes finds it already there. */
export async function upsertBlob(
  tx: Tx,
  blob: { sha256: string; size: number; mediaType: string; createdAt: Date },
): Promise<void> {
  await tx.insert(blobs).values(blob).onConflictDoNothing({ target: blobs.sha256 })
}

export async function insertFile(tx: Tx, file: Omit<typeof files.$inferInsert, 'id'>): Promise<FileRow> {
  const [row] = await tx.insert(files).values(file).returning()
  return row!
}
