/**
 * Số, ký hiệu: "Số: {number}/{notation}" (Nghị định 30/2020/NĐ-CP, Phụ lục I §II.3). The decree
 * allows no spaces anywhere in it, but real documents have them ("Số: 12 /QĐ- UBND"), and legal
 * normative documents carry the year ("30/2020/NĐ-CP").
 */
import type { TCaptureWarning } from '@common/contracts/capture'
import { looseKey } from './text.ts'

export type NumberFound = {
  lineIndex: number
  asPrinted: string
  numberAndNotation: string
  number: string | null
  notation: string | null
  yearInNumber: number | null
  confidence: number
  warnings: TCaptureWarning[]
}

/** Upper-case letters with marks that occur in notations (Đ above all). */
const NOTATION_PART = /^[\p{Lu}\p{Ll}\d&.]+$/u
const COMPACT = /^(\d+[a-zA-Z]?)?\/(?:(\d{4})\/)?([\p{L}\d][\p{L}\d&.]*(?:-[\p{L}\d&.]+)*)$/u

/**
 * Rejoin the tokens of a number broken by stray spaces: a token belongs to the number when the
 * one before ends with "/" or "-", or it starts with one, or it continues a run of digits with "/".
 * The first token that does none of these (usually the place of the date line) ends the number.
 */
function numberTokens(rest: string): { text: string; hadSpaces: boolean } {
  const tokens = rest.trim().split(/\s+/).filter(Boolean)
  const kept: string[] = []
  for (const token of tokens) {
    const prev = kept[kept.length - 1]
    const joins =
      prev === undefined ||
      /[/-]$/.test(prev) ||
      /^[/-]/.test(token) ||
      (/^\d+$/.test(prev) && /^\d*\//.test(token))
    if (!joins) break
    kept.push(token)
  }
  return { text: kept.join(''), hadSpaces: kept.length > 1 }
}

function warn(code: TCaptureWarning['code'], message: string): TCaptureWarning {
  return { code, field: 'numberAndNotation', message }
}

/** Read a number line's text after the label. */
export function parseNumberText(rest: string, lineIndex = 0): NumberFound | null {
  const { text, hadSpaces } = numberTokens(rest.replace(/[–—]/g, '-'))
  const compact = text.replace(/[.,;:]+$/, '')
  if (!compact.includes('/')) return null
  const warnings: TCaptureWarning[] = []
  let confidence = 0.97
  if (hadSpaces) {
    warnings.push(warn('NUMBER_STRAY_SPACES', `number had stray spaces: "${rest.trim()}"`))
    confidence = 0.85
  }
  const m = COMPACT.exec(compact)
  if (!m) {
    // Still give what was printed, without spaces, for the clerk to correct.
    warnings.push(warn('NUMBER_UNUSUAL', `number and notation in an unusual form: "${compact}"`))
    const parts = compact.split('/')
    const notation = parts[parts.length - 1] ?? ''
    return {
      lineIndex,
      asPrinted: rest.trim(),
      numberAndNotation: compact,
      number: /^\d+$/.test(parts[0] ?? '') ? parts[0]! : null,
      notation: NOTATION_PART.test(notation.replace(/-/g, '')) ? notation : null,
      yearInNumber: null,
      confidence: 0.5,
      warnings,
    }
  }
  const [, number, year, notation] = m
  if (!number) {
    // Printed before numbering, or the number was handwritten into a blank (Art. 15.3).
    warnings.push(warn('NUMBER_UNNUMBERED', 'the number is blank; only the notation is printed'))
    confidence = 0.5
  }
  return {
    lineIndex,
    asPrinted: rest.trim(),
    numberAndNotation: compact,
    number: number ?? null,
    notation: notation ?? null,
    yearInNumber: year ? Number(year) : null,
    confidence,
    warnings,
  }
}

/** "Số:" anywhere in the line (it may share the line with other header text), or "Số 12/…" at its start. */
const LABEL = /(?:^|\s)so\s*[:.;]\s*|^so\s+(?=\d)/

/** The first "Số: …" line among the first `window` lines. */
export function findNumber(lines: readonly string[], window = 40): NumberFound | null {
  for (let i = 0; i < Math.min(lines.length, window); i++) {
    const line = lines[i]!
    const m = LABEL.exec(looseKey(line))
    if (!m) continue
    let rest = line.slice(m.index + m[0].length)
    // "Số:" alone, the number on the next line (narrow column, OCR).
    if (!rest.trim() && lines[i + 1]) rest = lines[i + 1]!
    const found = parseNumberText(rest, i)
    if (found) return found
  }
  return null
}
