/**
 * A local SMTP server for tests (smtp-server on 127.0.0.1): it accepts every message, keeps its
 * envelope and raw source, and decodes the simple MIME that nodemailer writes (encoded-word
 * subjects, base64 / quoted-printable parts, RFC 2231 file names), enough to assert on.
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type CapturedAttachment = { filename: string; contentType: string; content: Buffer }

export type CapturedMessage = {
  envelope: { from: string; to: string[] }
  raw: string
  headers: Map<string, string>
  to: string[]
  subject: string
  text: string
  html: string | null
  attachments: CapturedAttachment[]
}

export type TestSmtpServer = {
  url: string
  port: number
  messages: CapturedMessage[]
  /** Resolve once `n` messages have arrived (all captured so far); reject after `timeoutMs`. */
  waitFor(n: number, timeoutMs?: number): Promise<CapturedMessage[]>
  close(): Promise<void>
}

export type TestSmtpOptions = {
  /** Listen on this port (default: any free one). */
  port?: number
  /** Recipients answered with 550 (a permanent rejection). */
  rejectRecipient?: (address: string) => boolean
}

/** Start the server; `url` is what SMTP_URL should be. */
export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: CapturedMessage[] = []
  const waiters: (() => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS of 127.0.0.1 (it costs ~100 ms a connection).
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const err = Object.assign(new Error('Hộp thư không tồn tại (mailbox unavailable)'), {
          responseCode: 550,
        })
        callback(err)
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1')
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        messages.push(parseMessage(raw, { from, to: session.envelope.rcptTo.map((r) => r.address) }))
        for (const w of waiters.splice(0)) w()
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    async waitFor(n, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < n) {
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`expected ${n} e-mails, got ${messages.length} in ${timeoutMs} ms`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left)
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
      return messages.slice()
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

// ---- minimal MIME decoding (what nodemailer produces) ----

type Part = { headers: Map<string, string>; body: string }

function splitHeaders(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/)
  const head = at < 0 ? raw : raw.slice(0, at)
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '')
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body }
}

/** Header parameters, joining RFC 2231 continuations (name*0*=utf-8''..., name*1*=...). */
function headerParams(value: string): { value: string; params: Map<string, string> } {
  const [first = '', ...rest] = value.split(';')
  const pieces = new Map<string, { index: number; text: string; encoded: boolean }[]>()
  for (const p of rest) {
    const eq = p.indexOf('=')
    if (eq < 0) continue
    const key = p.slice(0, eq).trim().toLowerCase()
    const text = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key)
    if (!m) continue
    const list = pieces.get(m[1]!) ?? []
    list.push({ index: Number(m[2] ?? 0), text, encoded: !!m[3] })
    pieces.set(m[1]!, list)
  }
  const params = new Map<string, string>()
  for (const [name, list] of pieces) {
    list.sort((a, b) => a.index - b.index)
    if (list.some((x) => x.encoded)) {
      const joined = list.map((x) => x.text).join('')
      const [, , , encoded = joined] = /^([^']*)'([^']*)'(.*)$/.exec(joined) ?? []
      params.set(
        name,
        Buffer.from(
          encoded.replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
      )
    } else {
      params.set(name, decodeWords(list.map((x) => x.text).join('')))
    }
  }
  return { value: first.trim().toLowerCase(), params }
}

/** RFC 2047 encoded words; a run of adjacent words is joined as bytes (a character may span two). */
function decodeWords(value: string): string {
  const word = /=\?[^?]+\?([bBqQ])\?([^?]*)\?=/g
  return value.replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(word)].map(([, enc = 'B', text = '']) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    )
    const trailing = /\s*$/.exec(run)?.[0] ?? ''
    return Buffer.concat(bytes).toString('utf8') + trailing
  })
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64')
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      )
    default:
      return Buffer.from(body, 'latin1')
  }
}

/** Leaf parts of a (possibly nested) multipart body. */
function leaves(part: Part): Part[] {
  const type = headerParams(part.headers.get('content-type') ?? 'text/plain')
  const boundary = type.params.get('boundary')
  if (!type.value.startsWith('multipart/') || !boundary) return [part]
  const sections = part.body.split(`--${boundary}`).slice(1)
  return sections
    .filter((s) => !s.startsWith('--'))
    .flatMap((s) => leaves(splitHeaders(s.replace(/^\r?\n/, '').replace(/\r?\n$/, ''))))
}

function parseMessage(raw: string, envelope: { from: string; to: string[] }): CapturedMessage {
  const top = splitHeaders(raw)
  let text = ''
  let html: string | null = null
  const attachments: CapturedAttachment[] = []
  for (const leaf of leaves(top)) {
    const type = headerParams(leaf.headers.get('content-type') ?? 'text/plain')
    const disposition = headerParams(leaf.headers.get('content-disposition') ?? 'inline')
    const content = decodeBody(leaf.body, leaf.headers.get('content-transfer-encoding'))
    const filename = disposition.params.get('filename') ?? type.params.get('name')
    if (disposition.value === 'attachment' || filename) {
      attachments.push({ filename: filename ?? '', contentType: type.value, content })
    } else if (type.value === 'text/html') {
      html = content.toString('utf8').replace(/\r\n/g, '\n')
    } else if (type.value === 'text/plain') {
      // Line ends as written, not as SMTP carries them.
      text += content.toString('utf8').replace(/\r\n/g, '\n')
    }
  }
  const to = decodeWords(top.headers.get('to') ?? '')
    .split(',')
    .map((a) => (/<([^>]+)>/.exec(a)?.[1] ?? a).trim())
    .filter(Boolean)
  return {
    envelope,
    raw,
    headers: top.headers,
    to,
    subject: decodeWords(top.headers.get('subject') ?? ''),
    text,
    html,
    attachments,
  }
}
