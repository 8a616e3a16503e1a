/**
 * The signature block (Phụ lục I, ô 7a–7c): authority prefixes and title in capitals, the
 * signature, then the full name. Prefixes are TM., KT., TL., TUQ. and Q. (Nghị định
 * 30/2020/NĐ-CP, Điều 13); the first one is the document's signing authority. A military or police
 * rank may precede the name ("Thiếu tướng Nguyễn Văn A"); the register wants the name alone.
 */
import type { TCaptureWarning, TSigningAuthority } from '@common/contracts/capture'
import { foldSpaces, isUpperDominant, key, looseKey } from './text.ts'
import { HONORIFIC_PATTERN, RANKS, TITLE_HEADS, startsWithPhrase } from './vocabulary.ts'

export type SignatureFound = {
  blockLines: string[]
  signerName: string | null
  signerTitle: string | null
  signerRank: string | null
  signingAuthority: TSigningAuthority | null
  nameConfidence: number
  titleConfidence: number
  warnings: TCaptureWarning[]
}

// "KT. BỘ TRƯỞNG", "KT BỘ TRƯỞNG" (dot lost), "Q. GIÁM ĐỐC"; Q needs its dot, or any word starting with Q would match.
const AUTHORITY = /^(TM|KT|TL|TUQ|Q)(\.|\s)\s*(?=\p{Lu})/u
const NAME_WORD = /^\p{Lu}\p{Ll}*$/u

export function authorityOf(
  line: string,
): { authority: TSigningAuthority; hasDot: boolean; rest: string } | null {
  const m = AUTHORITY.exec(line.trim())
  if (!m || (m[1] === 'Q' && m[2] !== '.')) return null
  return {
    authority: `${m[1]}.` as TSigningAuthority,
    hasDot: m[2] === '.',
    rest: line.trim().slice(m[0].length),
  }
}

function isPlaceholder(line: string): boolean {
  return /^[([].*[)\]]$/.test(line.trim()) || /^(đã ký|ký tên|chữ ký)/iu.test(line.trim())
}

/** Split a printed name into rank, honorific and name ("Thiếu tướng Nguyễn Văn A"). */
export function splitName(line: string): { name: string; rank: string | null; honorific: string | null } {
  let rest = foldSpaces(line)
  const rank = startsWithPhrase(key(rest), RANKS)
  let rankText: string | null = null
  if (rank) {
    const n = rank.split(' ').length
    const words = rest.split(' ')
    rankText = words.slice(0, n).join(' ')
    rest = words.slice(n).join(' ')
  }
  const honorific = HONORIFIC_PATTERN.exec(rest)
  if (honorific) rest = rest.slice(honorific[0].length)
  return { name: rest, rank: rankText, honorific: honorific ? honorific[1]!.trim() : null }
}

/** A person's name: two to six capitalised words, nothing else (an optional rank before it). */
export function isNameLine(line: string): boolean {
  const { name } = splitName(line)
  const words = name.split(' ')
  return words.length >= 2 && words.length <= 6 && words.every((w) => NAME_WORD.test(w))
}

function isRankLine(line: string): boolean {
  return RANKS.includes(key(line) as (typeof RANKS)[number])
}

/** Lines that belong to a signature block, for the recipients reader to step over. */
export function isSignatureLine(line: string): boolean {
  if (/^\s*[-+•]/.test(line)) return false
  return (
    !!authorityOf(line) ||
    isUpperDominant(line) ||
    isNameLine(line) ||
    isPlaceholder(line) ||
    isRankLine(line)
  )
}

/** The title: the last line opening with a title word, with the lines after it that continue it. */
function titleOf(plain: string[]): string | null {
  if (!plain.length) return null
  let start = plain.length - 1
  while (start > 0 && !startsWithPhrase(key(plain[start]!), TITLE_HEADS)) start--
  if (!startsWithPhrase(key(plain[start]!), TITLE_HEADS)) start = plain.length - 1
  return foldSpaces(plain.slice(start).join(' '))
}

/** Read the block from the candidate lines (footer, recipients removed), top to bottom. */
export function findSignature(lines: readonly string[]): SignatureFound | null {
  const block: string[] = []
  let nameLine: string | null = null
  let rankLine: string | null = null
  for (const line of lines) {
    if (!line || isPlaceholder(line)) continue
    if (isRankLine(line)) {
      rankLine = line
      continue
    }
    if (block.length && isNameLine(line) && !isUpperDominant(line)) {
      nameLine = line
      break
    }
    if (/^\s*[-+•]/.test(line) || /^noi nhan/.test(looseKey(line))) continue
    if (authorityOf(line) || isUpperDominant(line)) block.push(line)
  }
  if (!block.length) return null
  const warnings: TCaptureWarning[] = []
  // Some documents print the name in capitals too: the last block line, if it is no title.
  if (!nameLine && block.length > 1) {
    const last = block[block.length - 1]!
    const looksLikeName = last.split(' ').length >= 3 && isNameLine(capitalizeWords(last))
    if (!authorityOf(last) && !startsWithPhrase(key(last), TITLE_HEADS) && looksLikeName) {
      nameLine = capitalizeWords(block.pop()!)
    }
  }
  let signingAuthority: TSigningAuthority | null = null
  let lastAuthority = -1
  block.forEach((line, i) => {
    const a = authorityOf(line)
    if (!a) return
    lastAuthority = i
    if (signingAuthority) return
    signingAuthority = a.authority
    if (!a.hasDot) {
      warnings.push({
        code: 'SIGNING_AUTHORITY_NO_DOT',
        field: 'signingAuthority',
        message: `"${line}" lacks the dot after ${a.authority}`,
      })
    }
  })
  const plain = block.slice(lastAuthority + 1)
  const lastPrefixed = lastAuthority >= 0 ? authorityOf(block[lastAuthority]!)!.rest : null
  const signerTitle = titleOf(plain) ?? lastPrefixed
  let signerName: string | null = null
  let signerRank: string | null = null
  if (nameLine) {
    const parts = splitName(nameLine)
    signerName = parts.name
    signerRank = parts.rank ?? (rankLine ? foldSpaces(rankLine) : null)
    if (signerRank) {
      warnings.push({
        code: 'SIGNER_RANK_STRIPPED',
        field: 'signerRank',
        message: `rank "${signerRank}" taken out of the name`,
      })
    }
    if (parts.honorific) {
      warnings.push({
        code: 'SIGNER_HONORIFIC_STRIPPED',
        field: 'signerName',
        message: `"${parts.honorific}" taken out of the name`,
      })
    }
  } else {
    warnings.push({
      code: 'SIGNER_NOT_FOUND',
      field: 'signerName',
      message: 'no name under the signature block',
    })
  }
  return {
    blockLines: block,
    signerName,
    signerTitle,
    signerRank,
    signingAuthority,
    nameConfidence: signerName ? (signerTitle ? 0.9 : 0.7) : 0,
    titleConfidence: signerTitle ? (plain.length ? 0.9 : 0.6) : 0,
    warnings,
  }
}

function capitalizeWords(line: string): string {
  return line
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}
