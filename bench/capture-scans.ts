/**
 * Smart capture on scans (issue 6): field accuracy of the registration pre-fill read from scanned
 * pages by OCR, next to the same documents as text PDFs (the baseline, in the same run).
 *
 *   npx tsx bench/capture-scans.ts [-- --corpus /work/shared/corpus/vn-docs --dpi 300,200 --misses]
 *
 * Each real document of the shared corpus (text + hand-checked truth) is laid out as Decree 30
 * draws it and rendered to a PDF (capture/test-support/render-pdf.ts); its pages are rasterised
 * by pdftoppm (colour JPEG at each --dpi, what a scanner sends) and wrapped as an image-only PDF
 * (platform/ocr/test-fixtures.ts); the scan is read as the digitisation job reads it (OCR of at
 * most CAPTURE_MAX_PAGES pages, cleanOcrText) and captureFields runs on the text. Field comparison:
 * bench/corpus/score.ts, as bench/capture.ts scores the text PDFs.
 */
import { availableParallelism } from 'node:os'
import { PDFDocument } from 'pdf-lib'
import { CAPTURE_FIELDS } from '../src/common/contracts/capture.ts'
import { extractText, PDF } from '../src/server/modules/capture/extract/extract-text.ts'
import { captureFields } from '../src/server/modules/capture/parse/capture-fields.ts'
import type { DocumentModel } from '../src/server/modules/capture/test-support/document-model.ts'
import { renderPdf } from '../src/server/modules/capture/test-support/render-pdf.ts'
import { CAPTURE_MAX_PAGES, cleanOcrText } from '../src/server/modules/digitisation/read-scan.ts'
import { checkScanRules, createOcrEngine } from '../src/server/platform/ocr/index.ts'
import { characterAccuracy, rasterise, scanPdf } from '../src/server/platform/ocr/test-fixtures.ts'
import type { Truth } from './corpus/generate.ts'
import { loadVnDocs, newTally, overall, score, type Tally } from './corpus/score.ts'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const CORPUS = arg('corpus', '/work/shared/corpus/vn-docs')
const DPIS = arg('dpi', '300,200')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const SHOW_MISSES = args.includes('--misses')

// --- the corpus's text laid out as a document model -------------------------------------------

const RULE = /^-{3,}\s*$/
const isUpper = (line: string) => /\p{L}/u.test(line) && line === line.toLocaleUpperCase('vi')

/**
 * The corpus serialises a document as: issuer lines, a rule, the motto and its rule, the number,
 * "V/v" and date lines, a blank line, the title (type, subject, authority, in capitals) or "Kính
 * gửi", the body, "Nơi nhận:" with its "- " lines, and the signature block.
 */
export function modelOf(text: string): DocumentModel {
  const lines = text.replace(/\r/g, '').split('\n')
  let i = 0
  const issuerLines: string[] = []
  while (i < lines.length && !RULE.test(lines[i]!)) issuerLines.push(lines[i++]!.trim())
  i++
  while (i < lines.length && !RULE.test(lines[i]!)) i++
  i++
  const header: string[] = []
  while (i < lines.length && lines[i]!.trim() !== '') header.push(lines[i++]!.trim())
  const numberLine = header.find((l) => /^S[ốo]/.test(l)) ?? header[0] ?? ''
  const dateLine = [...header].reverse().find((l) => /ngày/.test(l) && l !== numberLine) ?? ''
  const letterSubject = header.filter((l) => l !== numberLine && l !== dateLine).join(' ') || undefined
  const rest = lines.slice(i).map((l) => l.trim())
  const footerAt = rest.findIndex((l) => /^Nơi nhận/.test(l))
  const main = (footerAt < 0 ? rest : rest.slice(0, footerAt)).filter(Boolean)
  const footer = footerAt < 0 ? [] : rest.slice(footerAt).filter(Boolean)
  let k = 1
  while (k < footer.length && footer[k]!.startsWith('-')) k++
  let j = 0
  const titleLines: string[] = []
  while (j < main.length && isUpper(main[j]!) && !/^KÍNH GỬI/.test(main[j]!)) titleLines.push(main[j++]!)
  let addressees: DocumentModel['addressees']
  if (j < main.length && /^Kính gửi/i.test(main[j]!)) {
    const inline = main[j]!.replace(/^Kính gửi\s*:?\s*/i, '')
    j++
    if (inline) addressees = { inline }
    else {
      const items: string[] = []
      while (j < main.length && main[j]!.startsWith('-')) items.push(main[j++]!.replace(/^-\s*/, ''))
      addressees = { items }
    }
  }
  return {
    issuerLines,
    numberLine,
    ...(letterSubject ? { letterSubject } : {}),
    dateLine,
    titleLines,
    ...(addressees ? { addressees } : {}),
    body: main.slice(j),
    recipientLines: footer.slice(0, k),
    signatureLines: footer.slice(k),
  }
}

// --- scans --------------------------------------------------------------------------------------

/** Every page rasterised at `dpi` (colour JPEG) and wrapped as an image-only PDF. */
async function scanOf(pdf: Uint8Array, dpi: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf)
  const images: Uint8Array[] = []
  for (const index of doc.getPageIndices()) {
    const single = await PDFDocument.create()
    const [page] = await single.copyPages(doc, [index])
    single.addPage(page!)
    images.push(await rasterise(await single.save(), dpi))
  }
  return scanPdf(images)
}

type Sample = { id: string; truth: Truth; text: string; pdf: Uint8Array; pages: number }
type Column = { name: string; tally: Tally; misses: string[] }

function column(name: string): Column {
  return { name, tally: newTally(), misses: [] }
}

const docs = loadVnDocs(CORPUS)
if (docs.length === 0) {
  console.log(`no corpus at ${CORPUS}: pass --corpus <dir>`)
  process.exit(0)
}
// A generous time limit per page: the bench may share the machine with other work.
const engine = createOcrEngine({ concurrency: availableParallelism(), timeoutMs: 300_000 })
if (!(await engine.isAvailable())) {
  console.log('tesseract with the vie language is not installed: nothing to measure')
  process.exit(0)
}

const samples: Sample[] = []
for (const d of docs) {
  const pdf = await renderPdf(modelOf(d.text))
  const pages = (await PDFDocument.load(pdf)).getPageCount()
  samples.push({ id: d.id, truth: d.truth, text: d.text, pdf, pages })
}

// Baselines: the corpus text as shipped, and the same documents as text PDFs (read as the job reads them).
const shipped = column(`text as shipped`)
const textPdf = column(`text PDF`)
await extractText(samples[0]!.pdf, PDF) // warm up pdfjs outside the measurement
let pdfMs = 0
let pdfPages = 0
const pdfTexts = new Map<string, string>()
for (const s of samples) {
  score(shipped.tally, captureFields(s.text), s.truth, 'strict')
  const t0 = performance.now()
  const ex = await extractText(s.pdf, PDF, { maxPages: 40 })
  pdfMs += performance.now() - t0
  pdfPages += ex.pages ?? 0
  pdfTexts.set(s.id, ex.text)
  score(textPdf.tally, captureFields(ex.text), s.truth, 'strict', textPdf.misses, s.id)
}

type ScanRun = {
  column: Column
  pages: number
  pageSeconds: number
  wallSeconds: number
  chars: number
  problems: string[]
  failures: string[]
}
const scanRuns: ScanRun[] = []
for (const dpi of DPIS) {
  const run: ScanRun = {
    column: column(`scan ${dpi} dpi`),
    pages: 0,
    pageSeconds: 0,
    wallSeconds: 0,
    chars: 0,
    problems: [],
    failures: [],
  }
  let accuracySum = 0
  for (const s of samples) {
    const scan = await scanOf(s.pdf, dpi)
    const rules = await checkScanRules(scan)
    run.problems.push(...rules.problems.map((p) => p.code))
    let text = ''
    try {
      const result = await engine.ocrPdf(scan, { maxPages: CAPTURE_MAX_PAGES, searchable: false })
      run.pages += result.pages.length
      run.pageSeconds += result.pages.reduce((sum, p) => sum + p.seconds, 0)
      run.wallSeconds += result.seconds
      text = result.text
    } catch (err) {
      // As the job does: the item fails and the clerk types; here every field of it counts as missed.
      run.failures.push(`${s.id}: ${err instanceof Error ? err.message : String(err)}`)
    }
    accuracySum += characterAccuracy(pdfTexts.get(s.id)!, text)
    // As the reading job does: the known OCR slips repaired, then smart capture.
    score(run.column.tally, captureFields(cleanOcrText(text)), s.truth, 'strict', run.column.misses, s.id)
  }
  run.chars = accuracySum / samples.length
  scanRuns.push(run)
}

// --- report ---------------------------------------------------------------------------------------
const columns = [shipped, textPdf, ...scanRuns.map((r) => r.column)]
const W = 18
const C = 16
const pct = (t: { ok: number; n: number }) => (t.n ? `${((100 * t.ok) / t.n).toFixed(0)}%` : '-')
const totalPages = samples.reduce((sum, s) => sum + s.pages, 0)
console.log(
  `\nSmart capture on scans: ${samples.length} real documents of ${CORPUS} (${totalPages} pages), field exact match after normalisation\n`,
)
console.log(`${'field'.padEnd(W)} |${columns.map((c) => c.name.padStart(C)).join(' |')}`)
for (const f of CAPTURE_FIELDS)
  console.log(`${f.padEnd(W)} |${columns.map((c) => pct(c.tally[f]).padStart(C)).join(' |')}`)
const ov = (c: Column) => `${(100 * overall(c.tally)).toFixed(1)}%`
console.log(`${'overall'.padEnd(W)} |${columns.map((c) => ov(c).padStart(C)).join(' |')}`)
console.log(
  `${'ratio to text PDF'.padEnd(W)} |${columns
    .map((c) => `${(overall(c.tally) / Math.max(1e-9, overall(textPdf.tally))).toFixed(2)}×`.padStart(C))
    .join(' |')}`,
)
const errors = (c: Column) => Object.values(c.tally).reduce((s, x) => s + x.n - x.ok, 0)
console.log(`${'field errors'.padEnd(W)} |${columns.map((c) => String(errors(c)).padStart(C)).join(' |')}`)

console.log(
  `\nTiming (Node ${process.version}, ${availableParallelism()} cores; OCR concurrency ${availableParallelism()})`,
)
console.log(
  `  text PDF: extractText ${(pdfMs / pdfPages).toFixed(1)} ms/page (${pdfPages} pages) — the baseline`,
)
for (const r of scanRuns) {
  const perPage = r.pageSeconds / r.pages
  console.log(
    `  ${r.column.name}: OCR ${perPage.toFixed(2)} s/page (render + read, one page), ` +
      `${(r.wallSeconds / r.pages).toFixed(2)} s/page wall, ${((3600 * r.pages) / r.wallSeconds).toFixed(0)} pages/hour; ` +
      `${(perPage / (pdfMs / pdfPages / 1000)).toFixed(0)}× the text PDF's time; ` +
      `characters ${(100 * r.chars).toFixed(1)}% of the text PDF's text; ` +
      `scan rules: ${r.problems.length ? [...new Set(r.problems)].join(', ') : 'all pass'}`,
  )
  for (const f of r.failures) console.log(`    OCR failed on ${f}`)
}

if (SHOW_MISSES) {
  for (const c of columns) {
    if (!c.misses.length) continue
    console.log(`\nMisses in ${c.name}:`)
    for (const m of c.misses) console.log(`  ${m}`)
  }
}
