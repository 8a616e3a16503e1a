/**
 * Content-addressed blob storage: a blob's name is the SHA-256 of its bytes, so the same content
 * is stored once and every read can be verified. Local folder by default; S3-compatible by config.
 */
import type { Readable } from 'node:stream'

export type PutResult = { sha256: string; size: number; isNew: boolean }

export type BlobStore = {
  readonly kind: 'local' | 's3'
  /** Stream bytes in; stops with FILE_TOO_LARGE past maxBytes (nothing is kept). */
  put(source: Readable, options: { maxBytes: number }): Promise<PutResult>
  /** Stream bytes out; the stream errors with FILE_CORRUPTED if the content no longer matches its hash. */
  get(sha256: string): Promise<Readable>
  has(sha256: string): Promise<boolean>
  /** Check the store can be written and read (health endpoint). */
  check(): Promise<void>
}
