/** Rows to contract shapes. */
import type { TFile } from '@common/contracts/files'
import type { FileRow } from './queries.ts'

export function presentFile(row: FileRow): TFile {
  return {
    id: row.id,
    filename: row.filename,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  }
}
