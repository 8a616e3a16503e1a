/**
 * The issuing organ (Phụ lục I, ô 2): upper-case lines at the top left, above the number. When a
 * governing body is printed first ("BỘ TÀI CHÍNH" over "CỤC HẢI QUAN"), the last organ is the
 * issuer and the one above it its parent. A name wrapped over two lines ("ỦY BAN NHÂN DÂN" /
 * "TỈNH ĐẮK LẮK") is one organ: a new organ starts only at a line opening with an organ word.
 */
import { organNormalCase } from './normal-case.ts'
import { isUpperDominant, key, looseKey } from './text.ts'
import {
  LOCALITY_WORDS,
  MOTTO_LOOSE,
  ORGAN_HEADS,
  SECRECY_LOOSE,
  URGENCY_LOOSE,
  opensWith,
} from './vocabulary.ts'

export type IssuerFound = {
  headerLines: string[]
  issuer: string
  issuerParent: string | null
  issuerName: string
  confidence: number
  parentConfidence: number
}

/** The part of a line before the national motto, when columns were joined into one line. */
export function beforeMotto(line: string): string {
  const loose = looseKey(line)
  const cuts = MOTTO_LOOSE.map((m) => loose.indexOf(m)).filter((at) => at >= 0)
  return cuts.length ? line.slice(0, Math.min(...cuts)).trim() : line
}

export function isMotto(line: string): boolean {
  const loose = looseKey(line)
  return MOTTO_LOOSE.some((m) => loose.startsWith(m)) || /tu do\s*-\s*hanh phuc/.test(loose)
}

export function isStamp(line: string): boolean {
  const loose = looseKey(line)
    .replace(/[^a-z ]/g, '')
    .trim()
  return [...URGENCY_LOOSE, ...SECRECY_LOOSE].includes(loose as never)
}

const PEOPLES_BODIES = ['ủy ban nhân dân', 'hội đồng nhân dân']

/** Append the locality of a people's committee to an organ it governs ("Sở …" of "… Thành phố Hồ Chí Minh"). */
function withParentLocality(name: string, parentName: string | null): string {
  if (!parentName || opensWith(name, PEOPLES_BODIES) || !opensWith(parentName, PEOPLES_BODIES)) return name
  const rest = parentName.split(' ').slice(4).join(' ')
  if (!opensWith(rest, LOCALITY_WORDS) || LOCALITY_WORDS.some((w) => key(name).includes(` ${w} `)))
    return name
  return `${name} ${rest}`
}

/** Issuer and parent from the header lines above `stopIndex` (the number line, or the motto). */
export function findIssuer(lines: readonly string[], stopIndex: number): IssuerFound | null {
  const headerLines: string[] = []
  for (let i = 0; i < Math.min(stopIndex, lines.length); i++) {
    const line = beforeMotto(lines[i]!)
    if (!line || isMotto(line) || isStamp(line) || !isUpperDominant(line, 3)) continue
    // Lines like "Số: …" or a date never belong to the issuer.
    if (/\d{4}/.test(line) || /^s[ốo]\s*:/iu.test(line)) continue
    headerLines.push(line)
  }
  if (!headerLines.length) return null
  const groups: string[][] = []
  for (const [i, line] of headerLines.entries()) {
    // A name wrapped after "VÀ", "VỀ" or a comma, or a lone word ("TRƯỜNG"), continues the organ above.
    const wrapped = i > 0 && (/(\s(VÀ|VỀ|CỦA)|,|-)$/iu.test(headerLines[i - 1]!) || !line.includes(' '))
    const opensOrgan = !wrapped && !!opensWith(line, ORGAN_HEADS)
    if (opensOrgan || !groups.length) groups.push([line])
    else groups[groups.length - 1]!.push(line)
  }
  const issuerLines = groups[groups.length - 1]!
  const parentLines = groups.length > 1 ? groups[groups.length - 2]! : null
  const issuer = issuerLines.join(' ')
  const issuerParent = parentLines ? parentLines.join(' ') : null
  const parentName = issuerParent ? organNormalCase(issuerParent) : null
  const opens = !!opensWith(issuer, ORGAN_HEADS)
  return {
    headerLines,
    issuer,
    issuerParent,
    issuerName: withParentLocality(organNormalCase(issuer), parentName),
    confidence: opens ? 0.9 : 0.6,
    parentConfidence: issuerParent ? 0.85 : 0.8,
  }
}
