/** Stream helpers shared by the blob stores: hash and meter on the way in, verify on the way out. */
import { createHash, type Hash } from 'node:crypto'
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { AppError } from '../errors.ts'

const SHA256_HEX = /^[0-9a-f]{64}$/

export function isSha256(value: string): boolean {
  return SHA256_HEX.test(value)
}

/**
 * Blob names become file paths and object keys: anything but 64 lower-case hex digits is refused
 * before it gets near the file system (no `../`, no other folder).
 */
export function assertSha256(value: string): void {
  if (!isSha256(value)) throw new AppError('NOT_FOUND', { message: 'No such blob' })
}

export function tooLarge(maxBytes: number): AppError {
  const mb = Math.floor((maxBytes / (1024 * 1024)) * 10) / 10
  return new AppError('FILE_TOO_LARGE', {
    message: `The file is larger than the limit of ${mb} MB`,
    details: { maxBytes },
  })
}

/** Passes bytes through while hashing and counting them; errors with FILE_TOO_LARGE past maxBytes. */
export class HashMeter extends Transform {
  readonly #hash: Hash = createHash('sha256')
  readonly #maxBytes: number
  readonly #coalesceBytes: number
  #pending: Buffer[] = []
  #pendingBytes = 0
  #size = 0
  #digest: string | null = null

  /**
   * coalesceBytes: pass data on in blocks of about this size instead of the source's chunks
   * (multipart gives 64 KiB): each block is one write to disk, and system calls are costly.
   */
  constructor(maxBytes: number, options: { coalesceBytes?: number } = {}) {
    super()
    this.#maxBytes = maxBytes
    this.#coalesceBytes = options.coalesceBytes ?? 0
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length
    // Stop as soon as the limit is crossed, so an oversized upload never fills the disk.
    if (this.#size > this.#maxBytes) {
      callback(tooLarge(this.#maxBytes))
      return
    }
    this.#hash.update(chunk)
    if (this.#coalesceBytes === 0) {
      callback(null, chunk)
      return
    }
    this.#pending.push(chunk)
    this.#pendingBytes += chunk.length
    if (this.#pendingBytes >= this.#coalesceBytes) this.#pushPending()
    callback()
  }

  override _flush(callback: TransformCallback): void {
    this.#pushPending()
    this.#digest = this.#hash.digest('hex')
    callback()
  }

  #pushPending(): void {
    if (this.#pendingBytes === 0) return
    this.push(
      this.#pending.length === 1 ? this.#pending[0] : Buffer.concat(this.#pending, this.#pendingBytes),
    )
    this.#pending = []
    this.#pendingBytes = 0
  }

  get size(): number {
    return this.#size
  }

  /** The hex SHA-256, available once the stream has ended. */
  get sha256(): string {
    if (this.#digest === null) throw new Error('HashMeter: the stream has not ended yet')
    return this.#digest
  }
}

export function corrupted(sha256: string, actual: string): AppError {
  return new AppError('FILE_CORRUPTED', {
    message: `blob ${sha256} does not match its content (reads as ${actual})`,
  })
}

/**
 * Re-hashes bytes on their way to a reader. It holds back the latest chunk until the next one
 * arrives, and releases the last one only once the hash matched: a client counting on
 * Content-Length therefore never receives the complete, wrong file, and sees the stream fail.
 */
export class VerifyingStream extends Transform {
  readonly #hash: Hash = createHash('sha256')
  readonly #expected: string
  #held: Buffer | null = null

  constructor(expected: string) {
    super()
    this.#expected = expected
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#hash.update(chunk)
    const previous = this.#held
    this.#held = chunk
    callback(null, previous ?? undefined)
  }

  override _flush(callback: TransformCallback): void {
    const actual = this.#hash.digest('hex')
    if (actual !== this.#expected) {
      callback(corrupted(this.#expected, actual))
      return
    }
    callback(null, this.#held ?? undefined)
  }
}

/** Read a stream to its end and return the hex SHA-256 of its bytes. */
export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of stream) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
