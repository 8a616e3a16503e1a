/**
 * Content-addressed blob storage: a blob's name is the SHA-256 of its bytes, so the same content
 * is stored once and every read can be verified. Local folder by default; S3-compatible by config.
 */
import type { Readable } from 'node:stream'

export type PutResult = {
  /** Lower-case hex SHA-256 of the bytes: the blob's name. */
  sha256: string
  size: number
  /** False when the same content was already stored (de-duplication: nothing new was written). */
  isNew: boolean
}

export type BlobStore = {
  readonly kind: 'local' | 's3'
  /**
   * Stream bytes in while hashing them. Past maxBytes it stops with FILE_TOO_LARGE; on that or any
   * other error (including an error the source stream raises) nothing is kept.
   */
  put(source: Readable, options: { maxBytes: number }): Promise<PutResult>
  /**
   * Stream bytes out, re-hashing them. The stream errors with FILE_CORRUPTED instead of delivering
   * its last chunk when the content no longer matches its name. Throws NOT_FOUND if there is no such blob.
   */
  get(sha256: string): Promise<Readable>
  /**
   * Read the whole blob and tell whether it is present and intact. Called before a file is sent to a
   * client, so a damaged or lost blob is answered with an error rather than a 200 with wrong bytes.
   */
  verify(sha256: string): Promise<boolean>
  has(sha256: string): Promise<boolean>
  /** Check the store can be written and read (health endpoint). */
  check(): Promise<void>
}
