/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW), one object per blob named `<sha256>`.
 *
 * Upload design: the bytes are first streamed to a local temporary file while being hashed and
 * metered, and only then sent to their final key. We chose this over "upload to a temporary key,
 * then CopyObject to `<sha256>`" because:
 * - nothing half-written or orphaned is ever left in the bucket (a crash leaves a local temp file);
 * - de-duplication is free: when the object already exists the upload is skipped entirely, where a
 *   temporary-key upload has already spent the bandwidth (and a copy doubles the write);
 * - the size is known, so one PutObject carries Content-Length and the full-object SHA-256
 *   (`x-amz-checksum-sha256`), which servers that support it (AWS, MinIO, recent Ceph) check
 *   against the bytes they received: integrity is verified at the far end too;
 * - no multipart machinery is needed: one PutObject takes up to 5 GiB and MAX_UPLOAD_MB is at most 2 GiB.
 * The cost is local disk for uploads in progress (DATA_DIR/tmp), which every server process has.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { pipeline as pipelineCallback, Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3'
import { AppError } from '../errors.ts'
import type { BlobStore, PutResult } from './blob-store.ts'
import { assertSha256, HashMeter, sha256Of, VerifyingStream } from './hashing.ts'

/** The largest object a single PutObject may create. */
const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3

export type S3BlobStoreOptions = {
  endpoint: string | undefined
  region: string
  bucket: string
  accessKeyId: string | undefined
  secretAccessKey: string | undefined
  forcePathStyle: boolean
  /** A local folder for uploads in progress. */
  tmpDir: string
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | null
  return e?.$metadata?.httpStatusCode === 404 || e?.name === 'NoSuchKey' || e?.name === 'NotFound'
}

type Sdk = typeof import('@aws-sdk/client-s3')

function toReadable(body: unknown): Readable {
  if (body instanceof Readable) return body
  throw new Error('S3 GetObject returned a body that is not a Node.js stream')
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const
  readonly #bucket: string
  readonly #tmpDir: string
  /** The SDK takes ~0.3 s to load: only installations that use S3 pay for it, once, on first use. */
  readonly #sdk: Promise<{ sdk: Sdk; client: S3Client }>

  constructor(options: S3BlobStoreOptions) {
    const config: S3ClientConfig = {
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      // Since early 2025 the SDK adds a CRC32 checksum by default, sent for a stream body as an
      // aws-chunked trailer. Not every S3-compatible server understands it: s3rver stores the
      // chunk framing as the object's bytes (seen in our tests), and older MinIO and Ceph RGW
      // releases are known to refuse it. Send checksums only when an operation requires one: we
      // send our own SHA-256 as a plain header on upload and re-hash every read ourselves.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }
    if (options.endpoint) config.endpoint = options.endpoint
    // Without explicit keys the SDK's default chain applies (environment, instance or pod role).
    if (options.accessKeyId && options.secretAccessKey) {
      config.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
    }
    this.#sdk = import('@aws-sdk/client-s3').then((sdk) => ({ sdk, client: new sdk.S3Client(config) }))
    // Report a failed load now (it would otherwise be an unhandled rejection until first use);
    // every later use still awaits the same promise and fails with the same error.
    this.#sdk.catch((err: Error) => console.error('could not load the S3 SDK:', err.message))
    this.#bucket = options.bucket
    this.#tmpDir = options.tmpDir
  }

  async put(source: Readable, options: { maxBytes: number }): Promise<PutResult> {
    await fsp.mkdir(this.#tmpDir, { recursive: true })
    const tmp = path.join(this.#tmpDir, `${randomUUID()}.part`)
    const meter = new HashMeter(Math.min(options.maxBytes, MAX_SINGLE_PUT_BYTES))
    let body: fs.ReadStream | null = null
    try {
      await pipeline(source, meter, fs.createWriteStream(tmp, { flags: 'wx' }))
      const sha256 = meter.sha256
      const size = meter.size
      // De-duplication: an object of the right size is kept. Unlike the local store we do not
      // download it to re-hash it (that would cost a full transfer); a wrong size is replaced.
      if ((await this.#sizeOf(sha256)) === size) return { sha256, size, isNew: false }
      const { sdk, client } = await this.#sdk
      body = fs.createReadStream(tmp)
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: this.#bucket,
          Key: sha256,
          Body: body,
          ContentLength: size,
          ContentType: 'application/octet-stream',
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      )
      return { sha256, size, isNew: true }
    } finally {
      // The temporary file goes in every case: uploaded, de-duplicated, too large or failed
      // (a failed request may leave its read stream open).
      body?.destroy()
      await fsp.rm(tmp, { force: true })
    }
  }

  async get(sha256: string): Promise<Readable> {
    const body = await this.#open(sha256)
    if (!body) throw new AppError('NOT_FOUND', { message: 'No such blob' })
    const verifier = new VerifyingStream(sha256)
    // pipeline destroys the verifier on a network error, and the response when the reader goes away.
    pipelineCallback(body, verifier, (err) => {
      if (err && !verifier.destroyed) verifier.destroy(err)
    })
    return verifier
  }

  async verify(sha256: string): Promise<boolean> {
    const body = await this.#open(sha256)
    if (!body) return false
    return (await sha256Of(body)) === sha256
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.#sizeOf(sha256)) !== null
  }

  async check(): Promise<void> {
    const { sdk, client } = await this.#sdk
    // Outside the blob namespace: blob keys are 64 hex digits and never contain a slash.
    const key = `health-check/${randomUUID()}`
    const content = randomBytes(32)
    await client.send(new sdk.PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: content }))
    try {
      const res = await client.send(new sdk.GetObjectCommand({ Bucket: this.#bucket, Key: key }))
      const chunks: Buffer[] = []
      for await (const chunk of toReadable(res.Body)) chunks.push(chunk as Buffer)
      if (!Buffer.concat(chunks).equals(content))
        throw new Error(`bucket ${this.#bucket} returned different bytes`)
    } finally {
      await client.send(new sdk.DeleteObjectCommand({ Bucket: this.#bucket, Key: key }))
    }
  }

  /** Close the client's keep-alive connections (tests, shutdown). */
  async destroy(): Promise<void> {
    const { client } = await this.#sdk
    client.destroy()
  }

  async #open(sha256: string): Promise<Readable | null> {
    assertSha256(sha256)
    const { sdk, client } = await this.#sdk
    try {
      const res = await client.send(new sdk.GetObjectCommand({ Bucket: this.#bucket, Key: sha256 }))
      return toReadable(res.Body)
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async #sizeOf(sha256: string): Promise<number | null> {
    assertSha256(sha256)
    const { sdk, client } = await this.#sdk
    try {
      const res = await client.send(new sdk.HeadObjectCommand({ Bucket: this.#bucket, Key: sha256 }))
      return res.ContentLength ?? null
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }
}
