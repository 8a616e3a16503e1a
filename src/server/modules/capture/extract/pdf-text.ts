/**
 * The text layer of a PDF, with pdfjs-dist's legacy build (the only one that runs on Node 20;
 * 5.7+ needs Promise.withResolvers). In Node it needs no worker file: pdfjs runs its "fake worker"
 * in this thread, so parsing costs main-thread time (measured by bench/capture.ts) — production
 * runs capture as a job, and the HTTP route only takes files small enough to read inline.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api'
import { AppError } from '../../../platform/errors.ts'
import { pageLines, type PageItem } from './layout.ts'

export type PdfText = { text: string; pages: number; pagesRead: number; characters: number }

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item
}

function unreadable(reason: string, cause: unknown): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: `The file could not be read as a PDF: ${reason}`,
    details: [{ path: 'file', message: reason }],
    cause,
  })
}

/** Read the text of up to `maxPages` pages, page by page, columns in reading order. */
export async function pdfText(bytes: Uint8Array, options: { maxPages: number }): Promise<PdfText> {
  const task = getDocument({
    // A copy: pdfjs may transfer (detach) the buffer it is given.
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  })
  try {
    let pdf
    try {
      pdf = await task.promise
    } catch (err) {
      const name = (err as Error).name
      throw unreadable(
        name === 'PasswordException' ? 'it is encrypted with a password' : (err as Error).message,
        err,
      )
    }
    const pagesRead = Math.min(pdf.numPages, options.maxPages)
    const lines: string[] = []
    let characters = 0
    for (let n = 1; n <= pagesRead; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      const items: PageItem[] = content.items.filter(isTextItem).map((i) => ({
        text: i.str,
        x: i.transform[4] as number,
        y: i.transform[5] as number,
        width: i.width,
        height: i.height || Math.abs(i.transform[3] as number),
      }))
      for (const item of items) characters += item.text.replace(/\s/g, '').length
      // A form feed marks the page break (parsers treat it as a line break).
      if (n > 1) lines.push('\f')
      lines.push(...pageLines(items))
      page.cleanup()
    }
    return { text: lines.join('\n').normalize('NFC'), pages: pdf.numPages, pagesRead, characters }
  } finally {
    await task.destroy()
  }
}
