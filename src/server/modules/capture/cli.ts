/**
 * The work of `npm run capture -- <file>`, testable in-process: sniff the file's type by its
 * bytes, extract its text, print the fields as JSON. Returns the exit code.
 */
import { isUtf8 } from 'node:buffer'
import fs from 'node:fs/promises'
import { AppError } from '../../platform/errors.ts'
import { DOCX, extractText, PDF } from './extract/extract-text.ts'
import { captureFields } from './parse/capture-fields.ts'

export type CliIo = { out: (text: string) => void; err: (text: string) => void }

const USAGE = 'usage: npm run capture -- <file.pdf|file.docx|file.txt> [--text]'

/** The media type by content, as the upload does it; null when capture cannot read it. */
export function sniffMediaType(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1')
  if (head.startsWith('%PDF-')) return PDF
  // File names in a zip are stored uncompressed: a DOCX names word/document.xml.
  if (head.startsWith('PK\x03\x04')) return Buffer.from(bytes).includes('word/document.xml') ? DOCX : null
  return isUtf8(bytes) && !bytes.includes(0) ? 'text/plain' : null
}

function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err
}

export async function runCaptureCli(args: readonly string[], io: CliIo): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'))
  if (!file) {
    io.err(USAGE)
    return 1
  }
  try {
    const bytes = await fs.readFile(file)
    const mediaType = sniffMediaType(bytes)
    if (!mediaType) {
      io.err(`capture: ${file} is not a PDF, DOCX or UTF-8 text file`)
      return 1
    }
    const extraction = await extractText(bytes, mediaType)
    const fields = captureFields(extraction.text)
    const { text, ...about } = extraction
    io.out(
      JSON.stringify(
        { file, mediaType, ...about, fields, ...(args.includes('--text') ? { text } : {}) },
        null,
        2,
      ),
    )
    return 0
  } catch (err) {
    if (err instanceof AppError) io.err(`capture: ${file}: ${err.message}`)
    else if (isFsError(err)) io.err(`capture: cannot read ${file}: ${err.code}`)
    else throw err
    return 1
  }
}
