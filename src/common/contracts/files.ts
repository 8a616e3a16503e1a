import { z } from 'zod'

/** What the upload accepts, checked by content (magic bytes), not by the name or the browser's claim. */
export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'application/xml',
  'text/plain',
  'text/csv',
] as const

export const ZFile = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
})
export type TFile = z.infer<typeof ZFile>
export const ZFileList = z.object({ items: z.array(ZFile) })

export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ database: z.boolean(), blobs: z.boolean(), jobs: z.boolean() }),
  version: z.string(),
})

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
})
export type TNotification = z.infer<typeof ZNotification>
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() })

/** Files in one upload request (multipart parts named "files"). */
export const MAX_FILES_PER_UPLOAD = 10

/** The multipart body of POST /api/files, for the OpenAPI document (the server reads the stream itself). */
export const ZUploadFiles = z.object({
  files: z
    .array(z.file())
    .min(1)
    .max(MAX_FILES_PER_UPLOAD)
    .describe('One or more files, each in a part named "files"'),
})

export const ZFileContentQuery = z
  .object({ inline: z.enum(['0', '1']).optional().describe('1: show PDF and images in the browser') })
  .strict()
