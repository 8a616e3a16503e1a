/**
 * OCR of scanned documents with the tesseract CLI (issue 6, digitisation). Each page is rendered
 * by pdftoppm and read by tesseract (text, plus a one-page PDF of the image with invisible text;
 * the pages are merged into the searchable copy) in child processes, at most `concurrency` at a time per
 * engine, in a private temporary folder that is always removed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { OcrError } from './errors.ts'
import { runTool } from './run-tool.ts'

export type OcrEngineOptions = {
  tesseractPath?: string
  pdftoppmPath?: string
  /** Tesseract language(s), e.g. 'vie'; 'vie+eng' reads pure Vietnamese worse (STACK.md §8). */
  language?: string
  /** Rendering resolution of PDF pages; 300 is the tesseract sweet spot for A4 text. */
  dpi?: number
  /** Limit for each child process (one page render or one page OCR). */
  timeoutMs?: number
  /** Child processes run at once by this engine, across all calls. */
  concurrency?: number
  /** Where private temporary folders go (default: the OS temp folder). */
  tempDir?: string
  /**
   * OpenMP threads of each tesseract (default 1). Debian's tesseract uses OpenMP, and extra threads
   * cost more than they give: measured 2.2 s vs 0.56 s for one 150-dpi page on two busy cores.
   */
  threadsPerProcess?: number
  /**
   * Extra environment for the children (e.g. PATH, TESSDATA_PREFIX). The children do not inherit
   * the server's environment, so database and storage secrets never reach them.
   */
  env?: Record<string, string>
}

/** Where the tools live on Debian; a custom PATH comes in through `env`. */
const DEFAULT_PATH = '/usr/local/bin:/usr/bin:/bin'

export type OcrImageResult = {
  text: string
  /** Mean word confidence from 0 to 1; absent when tesseract found no words. */
  confidence?: number
  seconds: number
}
export type OcrPageResult = { text: string; seconds: number }
export type OcrPdfResult = {
  /** Page texts in order, separated by a form-feed line like the capture module's PDF text. */
  text: string
  pages: OcrPageResult[]
  /** The scan with an invisible text layer; null when not every page was read. */
  searchablePdf: Uint8Array | null
  seconds: number
}
export type OcrPdfOptions = { maxPages?: number; searchable?: boolean }

export type OcrEngine = {
  /** Whether tesseract runs and lists the configured language(s). */
  isAvailable(): Promise<boolean>
  ocrImage(bytes: Uint8Array, mediaType: string): Promise<OcrImageResult>
  ocrPdf(pdfBytes: Uint8Array, options?: OcrPdfOptions): Promise<OcrPdfResult>
}

/** Image types leptonica reads in every Debian build of tesseract. */
const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'image/bmp': 'bmp',
}

/** A counting semaphore: `run` waits for one of `size` slots. */
function createLimiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: (() => void)[] = []
  return async (task) => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve))
    else active++
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
    }
  }
}

/** Tesseract ends each page with a form feed; the caller adds its own separators. */
function cleanText(raw: string): string {
  return raw.replace(/\f/g, '').normalize('NFC').trim()
}

/** Mean confidence (0–1) of the words in tesseract's TSV output. */
function meanConfidence(tsv: string): number | undefined {
  let sum = 0
  let count = 0
  for (const line of tsv.split('\n').slice(1)) {
    const cells = line.split('\t')
    const conf = Number(cells[10])
    if (cells[0] === '5' && conf >= 0 && (cells[11] ?? '').trim() !== '') {
      sum += conf
      count++
    }
  }
  return count === 0 ? undefined : sum / count / 100
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000
}

async function countPages(pdfBytes: Uint8Array): Promise<number> {
  try {
    const doc = await PDFDocument.load(pdfBytes, { ignoreEncryption: true, updateMetadata: false })
    return doc.getPageCount()
  } catch (cause) {
    throw new OcrError('NOT_SUPPORTED', { message: 'Tệp không phải là PDF hợp lệ', cause })
  }
}

async function mergePages(pagePdfs: Uint8Array[]): Promise<Uint8Array> {
  const merged = await PDFDocument.create()
  for (const bytes of pagePdfs) {
    const page = await PDFDocument.load(bytes)
    for (const copied of await merged.copyPages(page, page.getPageIndices())) merged.addPage(copied)
  }
  return merged.save()
}

/** An OCR engine over the tesseract and pdftoppm command-line tools. */
export function createOcrEngine(options: OcrEngineOptions = {}): OcrEngine {
  const tesseract = options.tesseractPath ?? 'tesseract'
  const pdftoppm = options.pdftoppmPath ?? 'pdftoppm'
  const language = options.language ?? 'vie'
  const dpi = options.dpi ?? 300
  const env = {
    PATH: DEFAULT_PATH,
    OMP_THREAD_LIMIT: String(options.threadsPerProcess ?? 1),
    ...options.env,
  }
  const tool = { timeoutMs: options.timeoutMs ?? 60_000, env }
  const limit = createLimiter(Math.max(1, options.concurrency ?? 1))
  // Only a positive answer is kept: tesseract installed later is picked up without a restart.
  let available = false

  async function isAvailable(): Promise<boolean> {
    if (available) return true
    try {
      const { stdout, stderr } = await runTool(tesseract, ['--list-langs'], tool)
      const listed = new Set(`${stdout}\n${stderr}`.split('\n').map((l) => l.trim()))
      available = language.split('+').every((lang) => listed.has(lang))
    } catch (error) {
      if (!(error instanceof OcrError)) throw error
      available = false
    }
    return available
  }

  async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
    if (!(await isAvailable())) throw new OcrError('UNAVAILABLE')
    const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'ocr-'))
    try {
      return await work(dir)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  async function ocrImage(bytes: Uint8Array, mediaType: string): Promise<OcrImageResult> {
    const ext = IMAGE_EXTENSIONS[mediaType.toLowerCase().split(';')[0]!.trim()]
    if (!ext) throw new OcrError('NOT_SUPPORTED')
    return withTempDir(async (dir) => {
      const input = join(dir, `image.${ext}`)
      await writeFile(input, bytes)
      return limit(async () => {
        const start = performance.now()
        await runTool(
          tesseract,
          [input, join(dir, 'out'), '-l', language, '-c', 'preserve_interword_spaces=1', 'txt', 'tsv'],
          tool,
        )
        const text = cleanText(await readFile(join(dir, 'out.txt'), 'utf8'))
        const confidence = meanConfidence(await readFile(join(dir, 'out.tsv'), 'utf8'))
        return { text, ...(confidence === undefined ? {} : { confidence }), seconds: seconds(start) }
      })
    })
  }

  /** Render page `n` and read it: text plus tesseract's one-page PDF (image + invisible text). */
  async function ocrPage(
    dir: string,
    input: string,
    n: number,
    run: { isFailed: boolean },
  ): Promise<OcrPageResult & { pdf: Uint8Array }> {
    return limit(async () => {
      // After one page fails the document fails: pages still queued are not started.
      if (run.isFailed) throw new OcrError('FAILED', { message: 'Bỏ qua trang do trang khác đã lỗi' })
      const start = performance.now()
      const base = join(dir, `page-${n}`)
      // JPEG, not PNG: measured 0.2 s vs 1.1 s to render an A4 page at 300 dpi and 1.0 s vs 1.4 s
      // to read it, and tesseract's PDF embeds the JPEG as is (about half the size of the PNG).
      const pageArgs = [
        '-r',
        String(dpi),
        '-jpeg',
        '-jpegopt',
        'quality=90',
        '-f',
        String(n),
        '-l',
        String(n),
      ]
      await runTool(pdftoppm, [...pageArgs, '-singlefile', input, base], tool)
      // Keep the gap between the two columns of a letter's header and signature block: smart
      // capture reads the issuer, date and signer by column (capture on scans 72 % → 86 % of fields).
      const ocrArgs = [
        `${base}.jpg`,
        base,
        '-l',
        language,
        '--dpi',
        String(dpi),
        '-c',
        'preserve_interword_spaces=1',
        'txt',
        'pdf',
      ]
      await runTool(tesseract, ocrArgs, tool)
      const text = cleanText(await readFile(`${base}.txt`, 'utf8'))
      const pdf = new Uint8Array(await readFile(`${base}.pdf`))
      // Page images are the bulk of the disk use; drop each one as soon as it is read.
      await rm(`${base}.jpg`, { force: true })
      return { text, pdf, seconds: seconds(start) }
    })
  }

  async function ocrPdf(pdfBytes: Uint8Array, pdfOptions: OcrPdfOptions = {}): Promise<OcrPdfResult> {
    const start = performance.now()
    const total = await countPages(pdfBytes)
    const count = Math.min(total, pdfOptions.maxPages ?? total)
    return withTempDir(async (dir) => {
      const input = join(dir, 'input.pdf')
      await writeFile(input, pdfBytes)
      const numbers = Array.from({ length: count }, (_, i) => i + 1)
      const run = { isFailed: false }
      const pageRuns = numbers.map((n) =>
        ocrPage(dir, input, n, run).catch((error: unknown) => {
          run.isFailed = true
          throw error
        }),
      )
      // Wait for every page before the folder is removed, then report the first failure.
      const settled = await Promise.allSettled(pageRuns)
      const failed = settled.find((r) => r.status === 'rejected')
      if (failed) throw failed.reason
      const pages = settled.map(
        (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof ocrPage>>>).value,
      )
      const isComplete = count === total && count > 0 && pdfOptions.searchable !== false
      return {
        text: pages.map((p) => p.text).join('\n\f\n'),
        pages: pages.map(({ text, seconds: s }) => ({ text, seconds: s })),
        searchablePdf: isComplete ? await mergePages(pages.map((p) => p.pdf)) : null,
        seconds: seconds(start),
      }
    })
  }

  return { isAvailable, ocrImage, ocrPdf }
}
