/**
 * What an upload really is, judged by its bytes (magic numbers), never by its name or the browser's
 * claim: a renamed program must not become a "PDF" that a colleague opens.
 */
import { isUtf8 } from 'node:buffer'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { fileTypeFromStream, type FileTypeResult } from 'file-type'
import { ALLOWED_MEDIA_TYPES } from '@common/contracts/files'
import { AppError } from '../../platform/errors.ts'

const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_MEDIA_TYPES)

/** Plain text has no magic bytes: it is accepted only under these names, and only if it really is UTF-8 text. */
const TEXT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.xml': 'application/xml',
}

function textTypeFor(filename: string): string | undefined {
  const dot = filename.lastIndexOf('.')
  return dot < 0 ? undefined : TEXT_TYPES[filename.slice(dot).toLowerCase()]
}

/** How many leading bytes form whole UTF-8 sequences; the rest waits for the next chunk. */
function completeLength(buf: Buffer): number {
  const n = buf.length
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = buf[n - back]!
    if (b < 0x80) return n
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return need > back ? n - back : n
    }
  }
  return n
}

/** Control characters other than tab, line feed, form feed and carriage return mark binary data. */
function hasControlCharacters(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return true
  }
  return false
}

/** Streaming check that every byte so far is UTF-8 text; stops looking at the first failure. */
class TextCheck {
  #carry: Buffer = Buffer.alloc(0)
  #isText = true

  update(chunk: Buffer): void {
    if (!this.#isText) return
    const data = this.#carry.length ? Buffer.concat([this.#carry, chunk]) : chunk
    const cut = completeLength(data)
    const whole = data.subarray(0, cut)
    this.#carry = Buffer.from(data.subarray(cut))
    if (!isUtf8(whole) || hasControlCharacters(whole)) this.#isText = false
  }

  /** True once a byte proved the content is not text. */
  get hasFailed(): boolean {
    return !this.#isText
  }

  /** Whether the whole content was text (an unfinished sequence at the end is not). */
  end(): boolean {
    return this.#isText && this.#carry.length === 0
  }
}

/**
 * file-type's Node entry point accepts Node streams, and that is the one Node loads (the "node"
 * export condition); TypeScript's bundler resolution picks the browser typings, which know only
 * web streams. Say what runs.
 */
const fileTypeFromNodeStream = fileTypeFromStream as unknown as (
  stream: Readable,
) => Promise<FileTypeResult | undefined>

type Detection = { ok: true; result: FileTypeResult | undefined } | { ok: false; error: unknown }

/**
 * Passes the bytes through unchanged while recognising their type, and fails at the end with
 * FILE_TYPE_NOT_ALLOWED (or VALIDATION_FAILED for an empty file) when they may not be stored.
 * Because the verdict comes before the stream ends, the blob store never keeps refused content.
 *
 * Detection reads as far into the stream as file-type needs: usually the first few kilobytes,
 * but an OOXML package (.docx/.xlsx) written by LibreOffice puts `[Content_Types].xml` at the end
 * of the zip, so a fixed-size head sample would see only "application/zip".
 */
export class ContentInspector extends Transform {
  readonly #filename: string
  readonly #text: TextCheck | null
  readonly #feed: Readable
  readonly #detection: Promise<Detection>
  /** The detection's outcome, once file-type has answered. */
  #settled: Detection | null = null
  #waiting: (() => void) | null = null
  #size = 0
  #mediaType: string | null = null

  constructor(filename: string) {
    super()
    this.#filename = filename
    this.#text = textTypeFor(filename) ? new TextCheck() : null
    // file-type pulls from this feed; read() is its request for more, which releases the upload.
    this.#feed = new Readable({ read: () => this.#release() })
    this.#detection = fileTypeFromNodeStream(this.#feed).then(
      (result): Detection => ({ ok: true, result }),
      // Kept as a value so a failed detection is judged in _flush, never an unhandled rejection.
      (error: unknown): Detection => ({ ok: false, error }),
    )
    void this.#detection.then((detection) => {
      this.#settled = detection
      this.#release()
    })
  }

  /** The accepted media type, once the stream has ended without error. */
  get mediaType(): string {
    if (this.#mediaType === null) throw new Error('ContentInspector: the content has not been accepted')
    return this.#mediaType
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length
    this.#text?.update(chunk)
    const pass = () => {
      const refusal = this.#earlyRefusal()
      if (refusal) callback(refusal)
      else callback(null, chunk)
    }
    if (this.#settled || this.#feed.push(chunk)) {
      pass()
      return
    }
    // Detection is behind: wait until it asks for more (or finishes) before taking the next chunk.
    this.#waiting = pass
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#settled) this.#feed.push(null)
    this.#detection.then(
      (detection) => {
        try {
          this.#mediaType = this.#decide(detection)
          callback()
        } catch (err) {
          callback(err as Error)
        }
      },
      (err: Error) => callback(err),
    )
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // End file-type's read too, so its promise settles instead of waiting for bytes that never
    // come. A chunk still waiting for detection is dropped with the stream.
    this.#feed.destroy()
    this.#waiting = null
    callback(error)
  }

  #release(): void {
    const waiting = this.#waiting
    this.#waiting = null
    waiting?.()
  }

  /**
   * Refuse as soon as the verdict is certain, instead of storing the rest of, say, a 100 MB
   * program first: the type is known and not allowed, and the content cannot pass as text.
   */
  #earlyRefusal(): AppError | null {
    const detection = this.#settled
    if (!detection) return null
    const detected = detection.ok ? detection.result?.mime : undefined
    if (detected && ALLOWED.has(detected)) return null
    if (this.#text && !this.#text.hasFailed) return null
    return this.#refusal(detection)
  }

  #refusal(detection: Detection): AppError {
    const what =
      (detection.ok ? detection.result?.mime : undefined) ?? (detection.ok ? 'unrecognised' : 'unreadable')
    return new AppError('FILE_TYPE_NOT_ALLOWED', {
      message: `The file "${this.#filename}" is of type ${what}, which is not allowed`,
      details: [{ path: 'files', message: what }],
      ...(detection.ok ? {} : { cause: detection.error }),
    })
  }

  #decide(detection: Detection): string {
    if (this.#size === 0) {
      throw new AppError('VALIDATION_FAILED', {
        message: `The file "${this.#filename}" is empty`,
        details: [{ path: 'files', message: 'empty' }],
      })
    }
    const detected = detection.ok ? detection.result?.mime : undefined
    if (detected && ALLOWED.has(detected)) return detected
    // UTF-8 text without control characters cannot be one of the binary formats file-type knows,
    // so a text file whose first bytes happen to look like a signature is still text.
    const textType = textTypeFor(this.#filename)
    if (textType && this.#text?.end()) return textType
    throw this.#refusal(detection)
  }
}
