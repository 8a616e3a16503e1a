/**
 * The rules of the exchange pages that do not need React: which decisions a received package
 * offers, the register form pre-filled from the package, status and delivery colours, the reading
 * of a directory file (JSON or CSV) before it is sent, and the order of a status timeline.
 */
import type { z } from 'zod'
import {
  STATUS_CODES,
  ZDirectoryEntry,
  type OutboxState,
  type ReceivedKind,
  type StatusCode,
  type TDirectoryImport,
  type TReceivedPackage,
  type TStatusEntry,
} from '@common/contracts/exchange'
import type { TRegister } from '@common/contracts/documents-in'
import { documentTypeByCode } from '@common/document-types'
import type { Urgency } from '@common/domain'

/**
 * Tag colours of the QĐ 28/2018 status codes: arrival and handling in blues, completion green,
 * refusals red, the sender's take-back request orange.
 */
export const STATUS_COLORS: Record<StatusCode, string> = {
  '01': 'blue',
  '02': 'red',
  '03': 'cyan',
  '04': 'geekblue',
  '05': 'processing',
  '06': 'success',
  '13': 'orange',
  '15': 'purple',
  '16': 'volcano',
}

/** Statuses that tell the sender something went wrong at the receiver. */
export const NEGATIVE_CODES: ReadonlySet<StatusCode> = new Set(['02', '16'])

export const OUTBOX_COLORS: Record<OutboxState, string> = {
  queued: 'default',
  sent: 'success',
  failed: 'error',
  cancelled: 'default',
}

export function isStatusCode(value: string): value is StatusCode {
  return (STATUS_CODES as readonly string[]).includes(value)
}

/** What "accept" means for each kind, which confirms with a form or a plain dialog. */
export type Decision = {
  /** The i18n key of the button and of the dialog title. */
  acceptKey: string
  refuseKey: string
  /** A new or replacing document is registered through the register form; the others only confirm. */
  acceptWith: 'register' | 'confirm'
  /** The status code the receiver sends back for each answer (REGULATIONS §2.3). */
  acceptStatus: StatusCode
  refuseStatus: StatusCode
}

const DECISIONS: Record<ReceivedKind, Decision> = {
  document: {
    acceptKey: 'exchange.actions.accept',
    refuseKey: 'exchange.actions.refuse',
    acceptWith: 'register',
    acceptStatus: '03',
    refuseStatus: '02',
  },
  replacement: {
    acceptKey: 'exchange.actions.accept',
    refuseKey: 'exchange.actions.refuse',
    acceptWith: 'register',
    acceptStatus: '03',
    refuseStatus: '02',
  },
  recall: {
    acceptKey: 'exchange.actions.acceptRecall',
    refuseKey: 'exchange.actions.refuseRecall',
    acceptWith: 'confirm',
    acceptStatus: '15',
    refuseStatus: '16',
  },
  update: {
    acceptKey: 'exchange.actions.applyUpdate',
    refuseKey: 'exchange.actions.refuseUpdate',
    acceptWith: 'confirm',
    acceptStatus: '15',
    refuseStatus: '16',
  },
}

export function decisionOf(kind: ReceivedKind): Decision {
  return DECISIONS[kind]
}

/** The buttons a package shows: only while it waits, and only those the server allows. */
export function availableDecisions(pkg: Pick<TReceivedPackage, 'kind' | 'state' | 'abilities'>): {
  canAccept: boolean
  canRefuse: boolean
  decision: Decision
} {
  const waiting = pkg.state === 'received'
  return {
    canAccept: waiting && pkg.abilities.accept,
    canRefuse: waiting && pkg.abilities.refuse,
    decision: decisionOf(pkg.kind),
  }
}

/**
 * A date from a package or the API as YYYY-MM-DD. edXML writes yyyy/MM/dd and some producers
 * dd/MM/yyyy (REGULATIONS §2.2, "parse leniently"); anything unreadable is null.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null
  const s = value.trim()
  let y: number
  let m: number
  let d: number
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(s)
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s)
  if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])]
  else if (dmy) [y, m, d] = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
  else return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export type AcceptDefaults = {
  registerId: string | undefined
  documentType: string | undefined
  subject: string
  urgency: Urgency
  dueDate: string | null
  notes: string
}

/**
 * The register form filled from the package, for the clerk to check: the register when only one
 * may be used, our type code when the server recognised the type name, the subject, urgency and
 * due date the sender gave.
 */
export function acceptDefaults(
  pkg: Pick<TReceivedPackage, 'subject' | 'documentTypeName' | 'header'>,
  registers: readonly Pick<TRegister, 'id' | 'isActive' | 'abilities'>[],
): AcceptDefaults {
  const usable = registers.filter((r) => r.isActive && r.abilities.register)
  const code = pkg.header?.documentTypeCode ?? null
  return {
    registerId: usable.length === 1 ? usable[0]!.id : undefined,
    documentType: code && documentTypeByCode(code) ? code : undefined,
    subject: (pkg.subject ?? '').trim(),
    urgency: pkg.header?.urgency ?? 'normal',
    dueDate: toIsoDate(pkg.header?.dueDate),
    notes: '',
  }
}

/** The status timeline oldest first (as the sender lived it), ties kept in the order received. */
export function sortTimeline(entries: readonly TStatusEntry[]): TStatusEntry[] {
  return entries
    .map((e, i) => ({ e, i, at: Date.parse(e.at) }))
    .sort((a, b) => (a.at === b.at || Number.isNaN(a.at - b.at) ? a.i - b.i : a.at - b.at))
    .map((x) => x.e)
}

/** The i18n key of a stuck item's state: a delivery state ('queued', 'failed') or a status code. */
export function stuckStateKey(state: string): string | null {
  if (isStatusCode(state)) return `exchange.status.${state}`
  if (state === 'queued' || state === 'failed' || state === 'sent' || state === 'cancelled')
    return `exchange.outboxStates.${state}`
  return null
}

/** The hour choices of "stuck" (a day, two, three, a week). */
export const STUCK_HOURS = [24, 48, 72, 168] as const

/** A problem in a directory file: a text from the validator, or a catalog key of our own. */
export type DirectoryLineError = { line: number; message: string; messageKey?: string }

const FILE_EMPTY = { messageKey: 'exchange.import.errors.empty', message: '' }
const FILE_SHAPE = { messageKey: 'exchange.import.errors.shape', message: '' }

/** A directory file read in the browser: what to send, or the problems that stop it. */
export type DirectoryFile =
  | { ok: true; format: 'json' | 'csv'; body: Omit<TDirectoryImport, 'dryRun'>; count: number }
  | { ok: false; format: 'json' | 'csv'; errors: DirectoryLineError[] }

const ENTRY_KEYS: Record<string, 'code' | 'name' | 'email' | 'endpoint' | 'certificatePem'> = {
  code: 'code',
  organid: 'code',
  ma_dinh_danh: 'code',
  name: 'name',
  organname: 'name',
  ten: 'name',
  email: 'email',
  endpoint: 'endpoint',
  certificatepem: 'certificatePem',
  certificate_pem: 'certificatePem',
  certificate: 'certificatePem',
}

function pickEntry(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = ENTRY_KEYS[key.toLowerCase()]
    if (field && value !== undefined && value !== null && out[field] === undefined)
      out[field] = typeof value === 'string' ? value.trim() : value
  }
  return out
}

/**
 * Read a directory file: JSON (an array of agencies, or `{ entries: [...] }` / `{ data: [...] }`
 * as the axis's getAgenciesList answers) is checked entry by entry here, with the line being the
 * entry's position (1-based); CSV goes to the server as text, which reports errors per line.
 * Unknown JSON keys are dropped, so an export with extra columns still imports.
 */
export function readDirectoryFile(filename: string, text: string): DirectoryFile {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const trimmed = content.trim()
  const looksJson = /\.json$/i.test(filename) || trimmed.startsWith('[') || trimmed.startsWith('{')
  if (!looksJson) {
    if (trimmed === '') return { ok: false, format: 'csv', errors: [{ line: 0, ...FILE_EMPTY }] }
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '').length
    return { ok: true, format: 'csv', body: { csv: content }, count: Math.max(0, lines - 1) }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch (error) {
    return {
      ok: false,
      format: 'json',
      errors: [
        {
          line: 0,
          messageKey: 'exchange.import.errors.json',
          message: error instanceof Error ? error.message : String(error),
        },
      ],
    }
  }
  const list: unknown = Array.isArray(parsed)
    ? parsed
    : typeof parsed === 'object' && parsed !== null
      ? ((parsed as Record<string, unknown>).entries ?? (parsed as Record<string, unknown>).data)
      : undefined
  if (!Array.isArray(list)) return { ok: false, format: 'json', errors: [{ line: 0, ...FILE_SHAPE }] }
  const entries: z.infer<typeof ZDirectoryEntry>[] = []
  const errors: DirectoryLineError[] = []
  list.forEach((raw, index) => {
    const picked = pickEntry(raw)
    const result = picked ? ZDirectoryEntry.safeParse(picked) : null
    if (result?.success) entries.push(result.data)
    else if (result)
      errors.push({
        line: index + 1,
        message: result.error.issues.map((i) => `${i.path.join('.') || '—'}: ${i.message}`).join('; '),
      })
    else errors.push({ line: index + 1, ...FILE_SHAPE })
  })
  if (errors.length > 0) return { ok: false, format: 'json', errors }
  if (entries.length === 0) return { ok: false, format: 'json', errors: [{ line: 0, ...FILE_EMPTY }] }
  return { ok: true, format: 'json', body: { entries }, count: entries.length }
}

/**
 * A calendar date from a package as DD/MM/YYYY, without a time-zone shift (a date is not an
 * instant); text that is not a date is shown as it came.
 */
export function displayDate(value: string | null | undefined): string {
  if (!value) return ''
  const iso = toIsoDate(value)
  if (!iso) return value
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

/** A file size for people: bytes, KB or MB with one decimal. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** A received attachment's URL that shows the file in the browser instead of downloading it. */
export function inlineUrl(url: string): string {
  if (/[?&]inline=1(&|$)/.test(url)) return url
  return `${url}${url.includes('?') ? '&' : '?'}inline=1`
}

/**
 * A DocumentId (`OrganId,yyyy/MM/dd,số/ký hiệu`, REGULATIONS §2.2) in its three parts, to show
 * on separate lines in narrow columns; anything else as one part.
 */
export function identifierParts(identifier: string): string[] {
  const parts = identifier.split(',').map((p) => p.trim())
  return parts.length === 3 && parts.every(Boolean) ? parts : [identifier]
}

/**
 * The i18n key of the outcome line after a decision. "applied" means the clerk agreed to what the
 * package asked, which reads differently for a recall (the document was destroyed) and an update.
 */
export function decidedKey(pkg: Pick<TReceivedPackage, 'kind' | 'state'>): string {
  if (pkg.state === 'applied')
    return pkg.kind === 'recall' ? 'exchange.decided.appliedRecall' : 'exchange.decided.appliedUpdate'
  return `exchange.decided.${pkg.state}`
}
