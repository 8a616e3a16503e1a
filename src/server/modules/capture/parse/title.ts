/**
 * Document type and subject (trích yếu). A type with a name prints it in capitals under the header
 * and the subject below it (Phụ lục I, ô 5a); a Công văn has no type name and prints "V/v …"
 * under its number (ô 5b). A decision then names its authority in capitals ("BỘ TRƯỞNG BỘ Y TẾ")
 * before "Căn cứ …": that line closes the subject and is not part of it.
 */
import type { TCaptureWarning } from '@common/contracts/capture'
import {
  DOCUMENT_TYPES,
  OFFICIAL_LETTER_CODE,
  documentTypeByAbbreviation,
  documentTypeByCode,
  type DocumentType,
} from '@common/document-types'
import { isMotto } from './issuer.ts'
import { foldSpaces, isUpperDominant, key, looseKey, nextFilled, startsLowercase } from './text.ts'
import { BODY_OPENERS, TITLE_HEADS, opensWith, startsWithPhrase } from './vocabulary.ts'

export type TitleFound = {
  documentType: DocumentType | null
  typeConfidence: number
  subject: string | null
  subjectConfidence: number
  warnings: TCaptureWarning[]
}

// Longest names first, so "THÔNG TƯ LIÊN TỊCH" wins over "THÔNG TƯ".
const BY_LENGTH = [...DOCUMENT_TYPES].sort((a, b) => b.name.length - a.name.length)

/** A type title line ("QUYẾT ĐỊNH"), possibly followed by the subject on the same line. */
export function matchTypeTitle(line: string): { type: DocumentType; rest: string } | null {
  if (!isUpperDominant(line) || /:\s*$/.test(line)) return null
  const k = key(line)
  const loose = looseKey(foldSpaces(line))
  for (const type of BY_LENGTH) {
    const name = key(type.name)
    if (k === name || loose === looseKey(type.name)) return { type, rest: '' }
    if (k.startsWith(`${name} `)) {
      const rest = foldSpaces(line).slice(type.name.length).trim()
      if (rest && (isUpperDominant(rest) || /^về\b/i.test(rest))) return { type, rest }
    }
  }
  return null
}

/** A paragraph of the body begins ("Căn cứ …", "1. …"); capitals are a title, not a body. */
export function isBodyStart(line: string): boolean {
  if (/^(\d+|[IVXLC]+|[a-zđ])[.)]\s/u.test(line)) return true
  return !isUpperDominant(line) && !!opensWith(line, BODY_OPENERS)
}

export function isDateLine(line: string): boolean {
  return /ngay\s*\d{1,2}\s*(thang\s*|[/.-]\s*)\d{1,2}\s*(nam\s*|[/.-]\s*)\d{4}/.test(looseKey(line))
}

/** The line naming who decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN …"), or a council's term ("KHÓA X, KỲ HỌP …"). */
function isAuthorityLine(line: string, issuer: string | null): boolean {
  const k = key(line)
  if (startsWithPhrase(k, TITLE_HEADS)) return true
  if (issuer && (k === key(issuer) || k.startsWith(key(issuer)))) return true
  return !!startsWithPhrase(k, ['ủy ban nhân dân', 'hội đồng nhân dân', 'chính phủ', 'khóa', 'kỳ họp'])
}

/** The subject lines after a type title at `from`: an upper-case run, or a sentence-case title. */
function subjectAfterTitle(lines: readonly string[], from: number, first: string, issuer: string | null) {
  const taken: string[] = first ? [first] : []
  const start = first ? from : (nextFilled(lines, from, 1)[0] ?? lines.length)
  for (let i = start; i < lines.length && taken.length < 8; i++) {
    const line = lines[i]!
    if (!line) break
    if (matchTypeTitle(line)?.rest === '' || isMotto(line)) break
    // A title always has a subject, which may itself open with "Thực hiện", "Theo dõi" …: the
    // first line stops only at what cannot be a subject.
    const opensBody = taken.length ? isBodyStart(line) : /^(căn cứ|kính gửi)/.test(key(line))
    if (opensBody) break
    // A wrapped title may leave only digits on its last line ("… NĂM" / "2026").
    const isUpper = isUpperDominant(line) || !/\p{L}/u.test(line)
    if (!taken.length) {
      taken.push(line)
      continue
    }
    if (isUpperDominant(taken[0]!)) {
      if (!isUpper) break
    } else if (isUpper || !(startsLowercase(line) || line.length <= 60)) break
    taken.push(line)
  }
  // The authority line ends the upper-case run; a council adds its term below it.
  if (taken.length && /^(khóa|kỳ họp)/.test(key(taken[taken.length - 1]!))) taken.pop()
  if (taken.length && isUpperDominant(taken[0]!) && isAuthorityLine(taken[taken.length - 1]!, issuer))
    taken.pop()
  return taken.length ? foldSpaces(taken.join(' ')) : null
}

/** A letter's "V/v …" (or "Về …") subject within a few lines below the number. */
function letterSubject(lines: readonly string[], from: number): { subject: string; isVv: boolean } | null {
  for (const i of nextFilled(lines, from, 6)) {
    const line = lines[i]!
    if (/^kinh g[uo]i/.test(looseKey(line)) || matchTypeTitle(line)) return null
    const vv = /^v\s*\/\s*v\b\s*[:.]?\s*/i.exec(line)
    const ve = !vv && /^về\s/iu.test(line) && !isUpperDominant(line)
    if (!vv && !ve) continue
    const taken = [vv ? line.slice(vv[0].length) : line]
    for (let j = i + 1; j < lines.length && taken.length < 5; j++) {
      const next = lines[j]!
      const stops = !next || isMotto(next) || isDateLine(next) || isUpperDominant(next) || isBodyStart(next)
      if (stops || /^s[ốo]\s*:/iu.test(next) || /^kinh g[uo]i/.test(looseKey(next))) break
      if (!startsLowercase(next) && (next.length > 70 || /\.$/.test(taken[taken.length - 1]!))) break
      taken.push(next)
    }
    return { subject: foldSpaces(taken.join(' ')), isVv: !!vv }
  }
  return null
}

function warn(
  code: TCaptureWarning['code'],
  field: TCaptureWarning['field'],
  message: string,
): TCaptureWarning {
  return { code, field, message }
}

/** The type named by the notation ("QĐ-UBND" → Quyết định), or null for an issuer's abbreviation. */
function typeOfNotation(notation: string | null): DocumentType | null {
  const head = notation?.split('-')[0]
  return head ? (documentTypeByAbbreviation(head) ?? null) : null
}

export function findTitle(
  lines: readonly string[],
  context: { afterHeader: number; numberIndex: number; issuer: string | null; notation: string | null },
): TitleFound {
  const warnings: TCaptureWarning[] = []
  const fromNotation = typeOfNotation(context.notation)
  for (const i of nextFilled(lines, context.afterHeader, 8)) {
    const line = lines[i]!
    if (/^kinh g[uo]i/.test(looseKey(line))) break
    const title = matchTypeTitle(line)
    if (!title) continue
    let typeConfidence = 0.95
    if (fromNotation && fromNotation.code !== title.type.code) {
      warnings.push(
        warn(
          'TYPE_NOTATION_MISMATCH',
          'documentType',
          `title says ${title.type.name}, notation says ${fromNotation.name}`,
        ),
      )
      typeConfidence = 0.75
    }
    const subject = subjectAfterTitle(lines, i + 1, title.rest, context.issuer)
    if (!subject) warnings.push(warn('SUBJECT_NOT_FOUND', 'subject', 'no subject under the type title'))
    return {
      documentType: title.type,
      typeConfidence,
      subject,
      subjectConfidence: subject ? 0.9 : 0,
      warnings,
    }
  }
  const letter = letterSubject(lines, context.numberIndex + 1)
  const official = documentTypeByCode(OFFICIAL_LETTER_CODE) ?? null
  if (letter) {
    let typeConfidence = letter.isVv ? 0.92 : 0.8
    if (fromNotation) {
      warnings.push(
        warn(
          'TYPE_NOTATION_MISMATCH',
          'documentType',
          `a letter (V/v) whose notation says ${fromNotation.name}`,
        ),
      )
      typeConfidence = 0.6
    }
    return {
      documentType: official,
      typeConfidence,
      subject: letter.subject,
      subjectConfidence: 0.88,
      warnings,
    }
  }
  warnings.push(warn('SUBJECT_NOT_FOUND', 'subject', 'no type title and no "V/v" subject'))
  if (fromNotation) {
    warnings.push(
      warn('TYPE_FROM_NOTATION', 'documentType', `type read from the notation only (${fromNotation.name})`),
    )
    return { documentType: fromNotation, typeConfidence: 0.6, subject: null, subjectConfidence: 0, warnings }
  }
  if (context.notation) {
    // Decree 30 gives a Công văn no type abbreviation: its notation opens with the issuer's.
    warnings.push(
      warn('TYPE_FROM_NOTATION', 'documentType', 'no type abbreviation in the notation: a Công văn'),
    )
    return { documentType: official, typeConfidence: 0.5, subject: null, subjectConfidence: 0, warnings }
  }
  warnings.push(warn('TYPE_NOT_FOUND', 'documentType', 'no type title, no "V/v", no notation'))
  return { documentType: null, typeConfidence: 0, subject: null, subjectConfidence: 0, warnings }
}
