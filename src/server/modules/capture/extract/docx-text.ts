/**
 * The text of a DOCX with mammoth's extractRawText: paragraphs in document order, table cells
 * left to right (so a Decree 30 header table reads issuer column, then motto column). mammoth
 * inflates the whole archive in memory, so the archive's declared sizes are checked first.
 */
import mammoth from 'mammoth'
import { AppError } from '../../../platform/errors.ts'

/** Far above any real document; a few MB that claim more are a zip bomb. */
const MAX_INFLATED_BYTES = 100 * 1024 * 1024

function unreadable(reason: string, cause?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: `The file could not be read as a DOCX: ${reason}`,
    details: [{ path: 'file', message: reason }],
    cause,
  })
}

/** Sum of the uncompressed sizes the central directory declares (ZIP APPNOTE §4.3.12, §4.3.16). */
export function declaredInflatedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw unreadable('not a zip archive')
  const entries = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      throw unreadable('damaged zip directory')
    total += view.getUint32(offset + 24, true)
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true)
  }
  return total
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  if (declaredInflatedSize(bytes) > MAX_INFLATED_BYTES) throw unreadable('it inflates to more than 100 MB')
  let value: string
  try {
    ;({ value } = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    }))
  } catch (err) {
    throw unreadable((err as Error).message, err)
  }
  // mammoth ends every paragraph with a blank line; paragraphs are lines here.
  return value.normalize('NFC').replace(/\n\n/g, '\n').trimEnd()
}
