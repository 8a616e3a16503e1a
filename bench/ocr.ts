/**
 * OCR of scanned Vietnamese pages (issue 6 targets: ≤ 3 s per page, ≥ 1,000 pages/hour on two
 * cores). Twelve synthetic scans of known text at 150/200/300 dpi, every fourth one turned 1°,
 * are read at concurrency 1 (baseline) and 2 with the engine's defaults (render at 300 dpi).
 *
 *   npx tsx bench/ocr.ts
 */
import { availableParallelism } from 'node:os'
import { PDFDocument } from 'pdf-lib'
import { checkScanRules, createOcrEngine } from '../src/server/platform/ocr/index.ts'
import {
  characterAccuracy,
  knownText,
  rasterise,
  scanPdf,
  textPagePdf,
} from '../src/server/platform/ocr/test-fixtures.ts'

const PAGES = 12
const DPIS = [150, 200, 300]

async function buildScans(): Promise<{ pdf: Uint8Array; texts: string[]; dpis: number[] }> {
  const merged = await PDFDocument.create()
  const texts: string[] = []
  const dpis: number[] = []
  for (let n = 1; n <= PAGES; n++) {
    const text = knownText(n)
    const dpi = DPIS[(n - 1) % DPIS.length]!
    const scan = await scanPdf([await rasterise(await textPagePdf(text), dpi)], {
      rotateDegrees: n % 4 === 0 ? 1 : 0,
    })
    const doc = await PDFDocument.load(scan)
    const [page] = await merged.copyPages(doc, [0])
    merged.addPage(page!)
    texts.push(text)
    dpis.push(dpi)
  }
  return { pdf: await merged.save(), texts, dpis }
}

const { pdf, texts, dpis } = await buildScans()
const engine = createOcrEngine()
if (!(await engine.isAvailable())) {
  console.log('tesseract with the vie language is not installed: nothing to measure')
  process.exit(0)
}
const rules = await checkScanRules(pdf)
console.log(
  `${PAGES} scanned pages (${(pdf.length / 1024 / 1024).toFixed(1)} MB), ${availableParallelism()} cores`,
)
console.log(`scan rules: ${rules.problems.length} problems (${rules.problems.map((p) => p.code).join(', ')})`)

const perHour: Record<number, number> = {}
const perPage: Record<number, number> = {}
for (const concurrency of [1, 2]) {
  const result = await createOcrEngine({ concurrency }).ocrPdf(pdf)
  perHour[concurrency] = (3600 * PAGES) / result.seconds
  perPage[concurrency] = result.pages.reduce((sum, p) => sum + p.seconds, 0) / PAGES
  console.log(
    `\nconcurrency ${concurrency}: ${result.seconds.toFixed(1)} s wall, ${perHour[concurrency].toFixed(0)} pages/hour`,
  )
  if (concurrency === 1) {
    for (const [i, page] of result.pages.entries()) {
      const accuracy = characterAccuracy(texts[i]!, page.text)
      const turned = (i + 1) % 4 === 0 ? ', 1°' : ''
      console.log(
        `  page ${String(i + 1).padStart(2)} (${dpis[i]} dpi${turned}): ${(accuracy * 100).toFixed(1)} % chars, ${page.seconds.toFixed(2)} s`,
      )
    }
    const all = characterAccuracy(texts.join('\n'), result.pages.map((p) => p.text).join('\n'))
    console.log(`  all pages: ${(all * 100).toFixed(1)} % chars`)
  }
  console.log(`  searchable PDF: ${((result.searchablePdf?.length ?? 0) / 1024 / 1024).toFixed(1)} MB`)
}

const mark = (ok: boolean) => (ok ? 'OK  ' : 'MISS')
console.log('\ntargets')
console.log(
  `  ${mark(perPage[1]! <= 3)} ≤ 3 s/page: ${perPage[1]!.toFixed(2)} s/page (concurrency 1, render + OCR)`,
)
console.log(
  `  ${mark(perHour[2]! >= 1000)} ≥ 1,000 pages/hour on two cores: ${perHour[2]!.toFixed(0)} (baseline concurrency 1: ${perHour[1]!.toFixed(0)}, ×${(perHour[2]! / perHour[1]!).toFixed(2)})`,
)
