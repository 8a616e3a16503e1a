/**
 * Blobs in a local folder: `<dir>/ab/cd/<sha256>`. An upload goes to `<dir>/.tmp/` first (same file
 * system, so the final rename is atomic: a reader sees the whole blob or none of it), is flushed to
 * disk, and only then gets its name.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { pipeline as pipelineCallback, type Readable } from 'node:stream'
import { AppError } from '../errors.ts'
import type { BlobStore, PutResult } from './blob-store.ts'
import { assertSha256, HashMeter, sha256Of, VerifyingStream } from './hashing.ts'

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT'
}

async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Make a rename durable: without this a power cut can forget the new directory entry. */
async function syncDirectory(dir: string): Promise<void> {
  // Directories cannot be opened for fsync on Windows; the server runs on Linux.
  if (process.platform === 'win32') return
  const handle = await fsp.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const
  readonly #dir: string
  readonly #tmpDir: string

  constructor(dir: string) {
    this.#dir = path.resolve(dir)
    this.#tmpDir = path.join(this.#dir, '.tmp')
  }

  /** Where a blob lives; two levels of fan-out keep folders small (65,536 of them at most). */
  pathOf(sha256: string): string {
    assertSha256(sha256)
    return path.join(this.#dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
  }

  async put(source: Readable, options: { maxBytes: number }): Promise<PutResult> {
    await fsp.mkdir(this.#tmpDir, { recursive: true })
    const tmp = path.join(this.#tmpDir, `${randomUUID()}.part`)
    const meter = new HashMeter(options.maxBytes, { coalesceBytes: 1 << 20 })
    try {
      await pipeline(source, meter, fs.createWriteStream(tmp, { flags: 'wx' }))
      const sha256 = meter.sha256
      const finalPath = this.pathOf(sha256)
      // De-duplication. An existing copy is kept only if it is intact, so uploading the same
      // content again heals a blob that was damaged on disk instead of keeping the damage forever.
      if (await this.#isIntact(finalPath, sha256)) {
        await fsp.rm(tmp, { force: true })
        return { sha256, size: meter.size, isNew: false }
      }
      // Only now, once the bytes are known to be new, flush them to disk (a de-duplicated upload
      // skips the cost): the database row that will point at this blob must never outlive the
      // bytes after a power cut.
      await syncFile(tmp)
      await fsp.mkdir(path.dirname(finalPath), { recursive: true })
      // Two writers of the same content may race here; rename replaces atomically and both
      // carry the same bytes, so either result is right.
      await fsp.rename(tmp, finalPath)
      await syncDirectory(path.dirname(finalPath))
      return { sha256, size: meter.size, isNew: true }
    } catch (err) {
      // Whatever went wrong (too large, client gone, disk full), the partial data goes.
      await fsp.rm(tmp, { force: true })
      throw err
    }
  }

  async get(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256)
    let handle: fsp.FileHandle
    try {
      handle = await fsp.open(file, 'r')
    } catch (err) {
      if (isMissing(err)) throw new AppError('NOT_FOUND', { message: 'No such blob', cause: err })
      throw err
    }
    const verifier = new VerifyingStream(sha256)
    // pipeline destroys the verifier with any read error, and the file when the reader goes away.
    pipelineCallback(handle.createReadStream(), verifier, (err) => {
      if (err && !verifier.destroyed) verifier.destroy(err)
    })
    return verifier
  }

  async verify(sha256: string): Promise<boolean> {
    return this.#isIntact(this.pathOf(sha256), sha256)
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fsp.stat(this.pathOf(sha256))
      return true
    } catch (err) {
      if (isMissing(err)) return false
      throw err
    }
  }

  async check(): Promise<void> {
    await fsp.mkdir(this.#tmpDir, { recursive: true })
    const probe = path.join(this.#tmpDir, `health-${randomUUID()}`)
    const content = randomBytes(32)
    try {
      await fsp.writeFile(probe, content)
      const back = await fsp.readFile(probe)
      if (!back.equals(content)) throw new Error(`blob folder ${this.#dir} returned different bytes`)
    } finally {
      await fsp.rm(probe, { force: true })
    }
  }

  async #isIntact(file: string, sha256: string): Promise<boolean> {
    let stream: fs.ReadStream
    try {
      const handle = await fsp.open(file, 'r')
      stream = handle.createReadStream()
    } catch (err) {
      if (isMissing(err)) return false
      throw err
    }
    return (await sha256Of(stream)) === sha256
  }
}
