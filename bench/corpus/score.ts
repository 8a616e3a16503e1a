/**
 * Field comparison as /work/shared/corpus/vn-docs/README.md suggests: Unicode NFC, whitespace
 * folded, trailing ".;," trimmed, old and new tone placement equal (hoà = hòa), and case ignored
 * for subject, issuer (with its parent and normal-case name) and signer title. Lists must match
 * item for item. A null that should be null is correct.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CAPTURE_FIELDS, type TCaptureField } from '../../src/common/contracts/capture.ts'
import { canonicalTones } from '../../src/server/modules/capture/parse/text.ts'
import type { Truth } from './generate.ts'

const CASELESS = new Set<TCaptureField>(['subject', 'issuer', 'issuerParent', 'issuerName', 'signerTitle'])

/** Comparison modes: as the README suggests, or also ignoring diacritics (for noisy text). */
export type Mode = 'strict' | 'unmarked'

function norm(value: unknown, caseless: boolean, mode: Mode = 'strict'): string | null {
  if (value === null || value === undefined) return null
  let s = canonicalTones(String(value as string | number).normalize('NFC'))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]+$/, '')
    .trim()
  if (caseless) s = s.toLowerCase()
  if (mode === 'unmarked')
    s = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
  return s
}

export function fieldEqual(
  field: TCaptureField,
  got: unknown,
  want: unknown,
  mode: Mode = 'strict',
): boolean {
  const caseless = CASELESS.has(field)
  if (Array.isArray(want) || Array.isArray(got)) {
    const a = (Array.isArray(got) ? got : []) as unknown[]
    const b = (Array.isArray(want) ? want : []) as unknown[]
    return a.length === b.length && a.every((x, i) => norm(x, caseless, mode) === norm(b[i], caseless, mode))
  }
  return norm(got, caseless, mode) === norm(want, caseless, mode)
}

export type Tally = Record<TCaptureField, { ok: number; n: number }>

export function newTally(): Tally {
  return Object.fromEntries(CAPTURE_FIELDS.map((f) => [f, { ok: 0, n: 0 }])) as Tally
}

export function score(
  tally: Tally,
  got: Truth,
  want: Truth,
  mode: Mode,
  misses?: string[],
  id?: string,
): void {
  for (const f of CAPTURE_FIELDS) {
    const ok = fieldEqual(f, got[f], want[f], mode)
    tally[f].n++
    if (ok) tally[f].ok++
    else if (misses && id)
      misses.push(`${id} ${f}: got ${JSON.stringify(got[f])} want ${JSON.stringify(want[f])}`)
  }
}

export function overall(tally: Tally): number {
  const all = Object.values(tally)
  return (
    all.reduce((s, t) => s + t.ok, 0) /
    Math.max(
      1,
      all.reduce((s, t) => s + t.n, 0),
    )
  )
}

type CorpusTruth = {
  number: string
  so: string
  ky_hieu: string
  year_in_number: string | null
  doc_type: string
  doc_type_code: string
  issuer: string
  issuer_parent: string | null
  issuer_name: string
  place: string
  issue_date: string
  subject: string
  signer_name: string
  signer_title: string
  signer_rank: string | null
  signing_authority: string | null
  kinh_gui: string[]
  noi_nhan: string[]
}

/** The real documents of the shared corpus, with their truth in our field names. */
export function loadVnDocs(dir: string): { id: string; text: string; truth: Truth }[] {
  if (!fs.existsSync(path.join(dir, 'truth'))) return []
  return fs
    .readdirSync(path.join(dir, 'truth'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const t = JSON.parse(fs.readFileSync(path.join(dir, 'truth', f), 'utf8')) as CorpusTruth
      const id = f.replace(/\.json$/, '')
      const truth: Truth = {
        numberAndNotation: t.number,
        number: t.so,
        notation: t.ky_hieu,
        yearInNumber: t.year_in_number ? Number(t.year_in_number) : null,
        documentType: t.doc_type,
        documentTypeCode: t.doc_type_code as Truth['documentTypeCode'],
        issuer: t.issuer,
        issuerParent: t.issuer_parent,
        issuerName: t.issuer_name,
        place: t.place,
        issueDate: t.issue_date,
        subject: t.subject,
        signerName: t.signer_name,
        signerTitle: t.signer_title,
        signerRank: t.signer_rank,
        signingAuthority: t.signing_authority as Truth['signingAuthority'],
        recipients: t.noi_nhan,
        addressees: t.kinh_gui,
      }
      return { id, text: fs.readFileSync(path.join(dir, 'texts', `${id}.txt`), 'utf8'), truth }
    })
}
