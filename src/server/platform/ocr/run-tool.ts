/**
 * Runs an OCR tool (tesseract, pdftoppm) as a child process. OCR is CPU-heavy native work: in a
 * child it never blocks the event loop that PGlite and HTTP share, and a stuck page can be killed.
 */
import { spawn } from 'node:child_process'
import { OcrError } from './errors.ts'

export type ToolResult = { stdout: string; stderr: string }

export type ToolOptions = {
  /** Kill the child (SIGKILL) and throw TIMEOUT after this many milliseconds. */
  timeoutMs: number
  /** The child's environment; undefined inherits the server's. */
  env?: Record<string, string | undefined>
}

/** Output beyond this is dropped: plain text of a page is far smaller, and stderr only explains failures. */
const MAX_OUTPUT = 8 * 1024 * 1024

/**
 * Run `command args`, resolving with its output when it exits 0. A missing program is UNAVAILABLE,
 * a non-zero exit FAILED (stderr kept as the cause), and a run past `timeoutMs` TIMEOUT — rejected
 * only after the killed child has exited, so no process outlives the call.
 */
export function runTool(command: string, args: string[], options: ToolOptions): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let outSize = 0
    let errSize = 0
    let failure: OcrError | null = null
    child.stdout.on('data', (chunk: Buffer) => {
      if (outSize < MAX_OUTPUT) out.push(chunk)
      outSize += chunk.length
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (errSize < MAX_OUTPUT) err.push(chunk)
      errSize += chunk.length
    })
    const timer = setTimeout(() => {
      failure = new OcrError('TIMEOUT', { cause: new Error(`${command} ran over ${options.timeoutMs} ms`) })
      child.kill('SIGKILL')
    }, options.timeoutMs)
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      const code = error.code === 'ENOENT' || error.code === 'EACCES' ? 'UNAVAILABLE' : 'FAILED'
      reject(new OcrError(code, { cause: error }))
    })
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      const stderr = Buffer.concat(err).toString('utf8')
      if (failure) return reject(failure)
      if (exitCode !== 0) {
        const detail = `${command} exited with ${exitCode ?? signal}: ${stderr.slice(0, 2000)}`
        return reject(new OcrError('FAILED', { cause: new Error(detail) }))
      }
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr })
    })
  })
}
