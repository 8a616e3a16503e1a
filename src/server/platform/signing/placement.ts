/**
 * Where a visible signature goes (Decree 30/2020, Annex I §II.7–8 and Part II, see
 * REGULATIONS.md §1.7): the leader's handwritten image between the title line and the full name;
 * the seal over the left third of that image; attachments top right of page 1.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFPage } from 'pdf-lib'
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api'
import { pageTextItems } from './page-text.ts'

export type Rect = [number, number, number, number]
export type Box = { x: number; y: number; width: number; height: number }
export type TextRun = { text: string; x1: number; x2: number; baseline: number; size: number }

const MM = 72 / 25.4

function normalize(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi')
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item
}

/** Items on one baseline joined into runs while the gap between them is small. */
export function textRuns(items: TextRun[]): TextRun[] {
  const sorted = items
    .filter((i) => i.text.trim() !== '')
    .sort((a, b) => b.baseline - a.baseline || a.x1 - b.x1)
  const runs: TextRun[] = []
  for (const item of sorted) {
    const last = runs[runs.length - 1]
    if (last && Math.abs(last.baseline - item.baseline) < 1 && item.x1 - last.x2 < item.size * 1.5) {
      last.text += item.x1 - last.x2 > item.size * 0.15 ? ` ${item.text}` : item.text
      last.x2 = Math.max(last.x2, item.x2)
      last.size = Math.max(last.size, item.size)
    } else runs.push({ ...item })
  }
  return runs
}

/** Text runs of one page read by pdfjs: the reference reader, 15–30 ms for a 1 MB file. */
export async function pageTextRuns(pdf: Uint8Array, pageIndex: number): Promise<TextRun[]> {
  const task = getDocument({
    data: new Uint8Array(pdf), // pdfjs may detach the buffer it gets
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // Only the objects of the one page are read; nothing is fetched ahead.
    disableAutoFetch: true,
    disableStream: true,
  })
  try {
    const doc = await task.promise
    const page = await doc.getPage(pageIndex + 1)
    const content = await page.getTextContent()
    const items = content.items.filter(isTextItem).map((i) => {
      const size = Math.hypot(i.transform[2] as number, i.transform[3] as number) || i.height
      return {
        text: i.str,
        x1: i.transform[4] as number,
        x2: (i.transform[4] as number) + i.width,
        baseline: i.transform[5] as number,
        size,
      }
    })
    page.cleanup()
    return textRuns(items)
  } finally {
    await task.destroy()
  }
}

/**
 * Text runs of a page of a document pdf-lib has loaded, by the small reader of page-text.ts
 * (~1 ms); null when that reader cannot read the page, so the caller can ask pdfjs.
 */
export function quickPageTextRuns(page: PDFPage): TextRun[] | null {
  try {
    return textRuns(pageTextItems(page))
  } catch {
    // UnsupportedText, or anything unexpected in a foreign file: pdfjs, the reference reader, decides.
    return null
  }
}

export type SignatureBlock = { name: TextRun; title: TextRun | null }

/** The signer's name line nearest the bottom, and the title line above it in the same column. */
export function matchSignatureBlock(
  runs: TextRun[],
  signerName: string,
  signerTitle?: string,
): SignatureBlock | null {
  const wanted = normalize(signerName)
  const names = runs.filter((r) => normalize(r.text) === wanted).sort((a, b) => a.baseline - b.baseline)
  const name = names[0]
  if (!name) return null
  const center = (name.x1 + name.x2) / 2
  const above = runs
    .filter((r) => r.baseline > name.baseline + name.size * 0.5 && r.x1 - 2 <= center && r.x2 + 2 >= center)
    .sort((a, b) => a.baseline - b.baseline)
  const titled = signerTitle ? above.find((r) => normalize(r.text) === normalize(signerTitle)) : undefined
  return { name, title: titled ?? above[0] ?? null }
}

/**
 * The image rect in the gap between title and name: as high as the gap allows (minus a margin),
 * centred on the block, width from the image's aspect ratio. Null when the gap is too small.
 */
export function rectInGap(block: SignatureBlock, aspect: number, maxWidth = 200): Rect | null {
  const { name, title } = block
  const bottom = name.baseline + name.size * 0.8
  const top = title ? title.baseline - title.size * 0.3 : bottom + 60
  const gap = top - bottom
  if (gap < 18) return null
  let height = Math.min(gap - 4, 90)
  let width = height * aspect
  if (width > maxWidth) {
    width = maxWidth
    height = width / aspect
  }
  const centers = [(name.x1 + name.x2) / 2, ...(title ? [(title.x1 + title.x2) / 2] : [])]
  const cx = centers.reduce((a, b) => a + b, 0) / centers.length
  const cy = (top + bottom) / 2
  return [cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2]
}

/** Bottom right of a page, 20 mm from the edges. */
export function bottomRight(crop: Box, width: number, height: number): Rect {
  const x2 = crop.x + crop.width - 20 * MM
  const y1 = crop.y + 20 * MM
  return [x2 - width, y1, x2, y1 + height]
}

/** Top right of a page: 15 mm from the right edge, 10 mm from the top. */
export function topRight(crop: Box, width: number, height: number): Rect {
  const x2 = crop.x + crop.width - 15 * MM
  const y2 = crop.y + crop.height - 10 * MM
  return [x2 - width, y2 - height, x2, y2]
}

/** The seal at real size, covering the left third of the leader's image (or of the name line). */
export function sealOver(target: Rect, diameterMm: number): Rect {
  const d = diameterMm * MM
  const x2 = target[0] + (target[2] - target[0]) / 3
  const cy = (target[1] + target[3]) / 2
  return [x2 - d, cy - d / 2, x2, cy + d / 2]
}

export { MM }

/**
 * Where a signer's block is on the last page, to compute once (when a version is stored) and pass
 * back as SignOptions.placementHint. Plain JSON. `page` is 1-based and equals `pageCount`.
 */
export type PlacementHint = {
  page: number
  pageCount: number
  signerName: string
  name: TextRun
  title: TextRun | null
}

/** The block on `page` (index `pageIndex` of `pageCount`): the hint when it fits, else the quick reader, else pdfjs. */
export async function findBlockOnPage(
  pdf: Uint8Array,
  page: PDFPage,
  pageIndex: number,
  pageCount: number,
  signerName: string,
  signerTitle: string | undefined,
  hint: PlacementHint | null | undefined,
): Promise<SignatureBlock | null> {
  if (
    hint &&
    hint.page === pageIndex + 1 &&
    hint.pageCount === pageCount &&
    normalize(hint.signerName) === normalize(signerName)
  )
    return { name: hint.name, title: hint.title }
  const quick = quickPageTextRuns(page)
  const found = quick ? matchSignatureBlock(quick, signerName, signerTitle) : null
  // Not found by the quick reader (or unreadable by it): pdfjs, the reference, has the last word.
  return found ?? matchSignatureBlock(await pageTextRuns(pdf, pageIndex), signerName, signerTitle)
}
