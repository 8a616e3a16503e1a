/** Writes to the files module's tables (blobs, files). */
import { sql } from 'drizzle-orm'
import { queryRows, type Tx } from '../../platform/db/client.ts'
import type { files } from '../../platform/db/schema.ts'
import type { FileRow } from './queries.ts'

/**
 * The blob row (if new) and the file row in one statement: one round trip instead of two, on the
 * upload path where every round trip counts.
 */
export async function insertFileWithBlob(
  tx: Tx,
  file: Omit<typeof files.$inferInsert, 'id' | 'createdAt'> & { createdAt: Date },
): Promise<FileRow> {
  const createdAt = file.createdAt.toISOString()
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`WITH blob AS (
        INSERT INTO blobs (sha256, size, media_type, created_at) VALUES (${file.sha256}, ${file.size}, ${file.mediaType}, ${createdAt})
        ON CONFLICT (sha256) DO NOTHING)
      INSERT INTO files (sha256, filename, media_type, size, uploaded_by, created_at)
      VALUES (${file.sha256}, ${file.filename}, ${file.mediaType}, ${file.size}, ${file.uploadedBy}, ${createdAt})
      RETURNING id`,
  )
  return { ...file, id: row!.id, createdAt: new Date(file.createdAt.getTime()) } as FileRow
}
