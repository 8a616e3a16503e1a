/**
 * Smart capture: field accuracy and speed, against a naive baseline (one regex per field) in the
 * same run.
 *
 *   npm run bench:capture [-- --count 240 --corpus /work/shared/corpus/vn-docs --misses]
 *
 * Corpora: the real documents of the shared corpus (text, as shipped), and generated documents
 * with known truth (bench/corpus/generate.ts) read as plain text, and, for a third of them each,
 * rendered to PDF (pdf-lib, Liberation Serif) or DOCX (docx) and read back through extractText,
 * so the whole path is measured. Field comparison: bench/corpus/score.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { CAPTURE_FIELDS } from '../src/common/contracts/capture.ts'
import { DOCX, extractText, PDF } from '../src/server/modules/capture/extract/extract-text.ts'
import { captureFields } from '../src/server/modules/capture/parse/capture-fields.ts'
import { renderLayoutText, renderText } from '../src/server/modules/capture/test-support/document-model.ts'
import { renderDocx } from '../src/server/modules/capture/test-support/render-docx.ts'
import { renderPdf } from '../src/server/modules/capture/test-support/render-pdf.ts'
import { baselineFields } from './corpus/baseline.ts'
import { generateCorpus, type Truth } from './corpus/generate.ts'
import { addNoise } from './corpus/noise.ts'
import { loadVnDocs, newTally, overall, score, type Mode, type Tally } from './corpus/score.ts'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const COUNT = Number(arg('count', '240'))
const CORPUS = arg('corpus', '/work/shared/corpus/vn-docs')
const SHOW_MISSES = args.includes('--misses')

type Sample = { id: string; text: string; truth: Truth }
type Column = { name: string; smart: Tally; naive: Tally; misses: string[]; n: number }

function evaluate(name: string, samples: Sample[], mode: Mode = 'strict'): Column {
  const column: Column = { name, smart: newTally(), naive: newTally(), misses: [], n: samples.length }
  for (const s of samples) {
    score(column.smart, captureFields(s.text), s.truth, mode, column.misses, s.id)
    score(column.naive, baselineFields(s.text), s.truth, mode)
  }
  return column
}

const pct = (t: { ok: number; n: number }) => (t.n ? `${((100 * t.ok) / t.n).toFixed(0)}%` : '-').padStart(5)

// --- corpora -------------------------------------------------------------------------------
const real = loadVnDocs(CORPUS)
if (!real.length) console.warn(`(no corpus at ${CORPUS}; pass --corpus <dir>)`)
const generated = generateCorpus(COUNT)
const pdfShare = generated.filter((_, i) => i % 3 === 0)
const docxShare = generated.filter((_, i) => i % 3 === 1)

const renderStart = performance.now()
const pdfFiles = await Promise.all(pdfShare.map(async (g) => ({ g, bytes: await renderPdf(g.model) })))
const docxFiles = await Promise.all(docxShare.map(async (g) => ({ g, bytes: await renderDocx(g.model) })))
const renderMs = performance.now() - renderStart

// Warm up pdfjs (module load, first-document set-up) outside the measurement.
await extractText(pdfFiles[0]!.bytes, PDF)

const loopDelay = monitorEventLoopDelay({ resolution: 1 })
let pdfMs = 0
let pdfPages = 0
const pdfSamples: Sample[] = []
loopDelay.enable()
for (const { g, bytes } of pdfFiles) {
  const t0 = performance.now()
  const ex = await extractText(bytes, PDF)
  pdfMs += performance.now() - t0
  pdfPages += ex.pages ?? 0
  pdfSamples.push({ id: `${g.id}.pdf`, text: ex.text, truth: g.truth })
}
loopDelay.disable()

let docxMs = 0
const docxSamples: Sample[] = []
for (const { g, bytes } of docxFiles) {
  const t0 = performance.now()
  const ex = await extractText(bytes, DOCX)
  docxMs += performance.now() - t0
  docxSamples.push({ id: `${g.id}.docx`, text: ex.text, truth: g.truth })
}

const textSamples: Sample[] = generated.map((g) => ({ id: g.id, text: renderText(g.model), truth: g.truth }))
const layoutSamples: Sample[] = generated.map((g) => ({
  id: `${g.id}.layout`,
  text: renderLayoutText(g.model),
  truth: g.truth,
}))
const noisySamples: Sample[] = textSamples.map((s, i) => ({
  ...s,
  id: `${s.id}.noisy`,
  text: addNoise(s.text, i + 1),
}))
const columns = [
  evaluate(`real vn-docs (${real.length})`, real),
  evaluate(`gen text (${textSamples.length})`, textSamples),
  evaluate(`gen PDF (${pdfSamples.length})`, pdfSamples),
  evaluate(`gen DOCX (${docxSamples.length})`, docxSamples),
  evaluate(`gen 2-col text (${layoutSamples.length})`, layoutSamples),
  // Scored without diacritics: the values carry the injected errors; this asks whether the right element was found.
  evaluate(`gen noisy* (${noisySamples.length})`, noisySamples, 'unmarked'),
]

// --- parse speed: captureFields alone, several passes over every text --------------------------
const allTexts = [...real.map((r) => r.text), ...textSamples.map((s) => s.text)]
const PASSES = 5
let t0 = performance.now()
for (let p = 0; p < PASSES; p++) for (const t of allTexts) captureFields(t)
const smartParseMs = (performance.now() - t0) / (PASSES * allTexts.length)
t0 = performance.now()
for (let p = 0; p < PASSES; p++) for (const t of allTexts) baselineFields(t)
const naiveParseMs = (performance.now() - t0) / (PASSES * allTexts.length)

// --- report ----------------------------------------------------------------------------------
const W = 18
const C = 19
const cells = (f: (c: Column) => string) => columns.map((c) => f(c).padStart(C)).join(' |')
console.log('\nSmart capture accuracy: field exact match after normalisation, as "smart / naive baseline"\n')
console.log(`${'field'.padEnd(W)} |${columns.map((c) => c.name.padStart(C)).join(' |')}`)
for (const f of CAPTURE_FIELDS)
  console.log(`${f.padEnd(W)} |${cells((c) => `${pct(c.smart[f])} / ${pct(c.naive[f])}`)}`)
const ov = (t: Tally) => `${(100 * overall(t)).toFixed(1)}%`
console.log(`${'overall'.padEnd(W)} |${cells((c) => `${ov(c.smart)} / ${ov(c.naive)}`)}`)
console.log(
  `${'accuracy ratio'.padEnd(W)} |${cells((c) => `${(overall(c.smart) / Math.max(1e-9, overall(c.naive))).toFixed(2)}×`)}`,
)
const errors = (t: Tally) => Object.values(t).reduce((s, x) => s + x.n - x.ok, 0)
console.log(`${'field errors'.padEnd(W)} |${cells((c) => `${errors(c.smart)} / ${errors(c.naive)}`)}`)

console.log(`\nTiming (Node ${process.version}, one thread)`)
console.log(
  `  captureFields           ${smartParseMs.toFixed(2)} ms/document   (naive baseline ${naiveParseMs.toFixed(3)} ms)`,
)
console.log(
  `  extractText PDF         ${(pdfMs / pdfFiles.length).toFixed(1)} ms/document, ${(pdfMs / pdfPages).toFixed(1)} ms/page (${pdfPages} pages, warm)`,
)
console.log(
  `  event loop during PDF   max delay ${(loopDelay.max / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`,
)
console.log(`  extractText DOCX        ${(docxMs / docxFiles.length).toFixed(1)} ms/document`)
console.log(
  `  (rendering ${pdfFiles.length} PDFs and ${docxFiles.length} DOCX for the run: ${(renderMs / 1000).toFixed(1)} s, not counted)`,
)

if (SHOW_MISSES) {
  for (const c of columns) {
    if (!c.misses.length) continue
    console.log(`\nMisses in ${c.name}:`)
    for (const m of c.misses) console.log(`  ${m}`)
  }
}
