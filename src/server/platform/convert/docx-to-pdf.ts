/**
 * DOCX → PDF with LibreOffice headless (`soffice --convert-to pdf`). Each conversion runs in its
 * own temporary folder with its own LibreOffice profile (-env:UserInstallation), so conversions
 * never share a lock file; a small in-process limiter runs at most CONVERT_CONCURRENCY at once
 * (each soffice takes a core and ~150 MB); a timeout kills the whole process group.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Config } from '../../config.ts'
import { createLimiter } from './limiter.ts'

export const CONVERSION_ERROR_CODES = ['UNAVAILABLE', 'FAILED', 'TIMEOUT'] as const
export type ConversionErrorCode = (typeof CONVERSION_ERROR_CODES)[number]

export class ConversionError extends Error {
  readonly code: ConversionErrorCode

  constructor(code: ConversionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ConversionError'
    this.code = code
  }
}

export type DocxConverter = {
  /** Whether LibreOffice can be started (the executable exists). */
  isAvailable(): Promise<boolean>
  /** The PDF of a DOCX. Throws ConversionError: UNAVAILABLE, FAILED or TIMEOUT. */
  docxToPdf(docx: Uint8Array): Promise<Uint8Array>
}

const NOT_INSTALLED =
  'Máy chủ chưa cài LibreOffice nên không chuyển được DOCX sang PDF; hãy tải lên bản PDF cuối cùng. ' +
  '(LibreOffice is not installed: upload the final PDF.)'

type RunResult = { code: number | null; signal: NodeJS.Signals | null; output: string; timedOut: boolean }

/** Run in a new process group; on timeout kill the group (soffice forks oosplash → soffice.bin). */
function run(executable: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid)
    }, timeoutMs)
    child.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, output, timedOut })
    })
  })
}

function killGroup(pid: number | undefined): void {
  if (!pid) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch (err) {
    // ESRCH: the group is already gone.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err
  }
}

/** The converter for the configured LibreOffice (SOFFICE_PATH, CONVERT_TIMEOUT_SECONDS, CONVERT_CONCURRENCY). */
export function createDocxConverter(config: Config): DocxConverter {
  const { sofficePath, timeoutMs, concurrency } = config.convert
  const limit = createLimiter(concurrency)
  let available: Promise<boolean> | undefined

  /** Start `soffice --version` once per process (~0.2 s): a name is looked up on PATH as a shell would. */
  function isAvailable(): Promise<boolean> {
    available ??= run(sofficePath, ['--version'], 15_000).then(
      (r) => r.code === 0 && /LibreOffice/i.test(r.output),
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' || err.code === 'EACCES') return false
        throw err
      },
    )
    return available
  }

  async function convert(executable: string, docx: Uint8Array): Promise<Uint8Array> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'eoffice-convert-'))
    try {
      const input = path.join(dir, 'document.docx')
      const outDir = path.join(dir, 'out')
      await fs.writeFile(input, docx)
      const profile = pathToFileURL(path.join(dir, 'profile')).href
      const result = await run(
        executable,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf:writer_pdf_Export',
          '--outdir',
          outDir,
          input,
        ],
        timeoutMs,
      )
      if (result.timedOut)
        throw new ConversionError('TIMEOUT', `LibreOffice không chuyển xong trong ${timeoutMs / 1000} giây.`)
      const pdf = await fs.readFile(path.join(outDir, 'document.pdf')).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null
        throw err
      })
      // soffice exits 0 even when it could not read the input: the missing PDF is the signal.
      if (!pdf || result.code !== 0 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        const detail = result.output.trim().split('\n').slice(-3).join(' ')
        throw new ConversionError(
          'FAILED',
          `LibreOffice không chuyển được tệp DOCX sang PDF (mã thoát ${result.code ?? result.signal}): ${detail}`,
        )
      }
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }

  return {
    isAvailable,
    async docxToPdf(docx) {
      if (!(await isAvailable())) throw new ConversionError('UNAVAILABLE', NOT_INSTALLED)
      return limit(() => convert(sofficePath, docx))
    },
  }
}
