/**
 * "Kính gửi:" (addressees) and "Nơi nhận:" (recipients). Công văn, Tờ trình and upward Báo cáo
 * open with "Kính gửi:"; every type ends with "Nơi nhận:", whose last line is "Lưu: VT, …"
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I, ô 9a and 9b). Items are "- …;" lines; a long item wraps.
 */
import { cleanItem, isUpperDominant, key, looseKey, startsLowercase } from './text.ts'
import { BODY_OPENERS, startsWithPhrase } from './vocabulary.ts'

export type ListFound = {
  /** Index of the label line. */
  labelIndex: number
  items: string[]
  /** Indices of the lines the items were read from (the label line included). */
  used: Set<number>
  confidence: number
}

const BULLET = /^\s*[-+•*–—]\s*/
const KINH_GUI = /^(?:kinh g[uo]i|kg)\s*[:.]?\s*/
const NOI_NHAN = /^noi nhan\s*[:.]?\s*/

/** Lines of the signature block that may sit between recipients when columns interleave. */
export type LineFilter = (line: string) => boolean

function endsItem(item: string): boolean {
  return /[;.:]$/.test(item.trim())
}

/** Items from line `start` on (after the label's own text, `firstRest`); `used` holds their line indices. */
function readItems(
  lines: readonly string[],
  start: number,
  firstRest: string,
  options: { skip?: LineFilter; canContinue: (line: string, last: string) => boolean },
): { items: string[]; used: Set<number> } {
  const raw: string[] = []
  const used = new Set<number>()
  if (firstRest.trim()) raw.push(...splitInline(firstRest))
  for (let i = start; i < lines.length && raw.length < 60; i++) {
    const line = lines[i]!
    if (!line) continue
    if (options.skip?.(line)) continue
    const last = raw[raw.length - 1]
    if (BULLET.test(line)) {
      // The "Lưu" line closes the list (ô 9b); a bullet after it is something else.
      if (last !== undefined && /^luu\b/.test(looseKey(cleanItem(last))) && endsItem(last)) break
      raw.push(line)
    } else if (last !== undefined && !endsItem(last) && options.canContinue(line, last)) {
      raw[raw.length - 1] = `${last} ${line}`
    } else break
    used.add(i)
  }
  return { items: raw.map(cleanItem).filter(Boolean), used }
}

/** "Kính gửi: Bộ A; Bộ B." on one line: items separated by semicolons (commas belong to names). */
function splitInline(rest: string): string[] {
  const text = rest.trim()
  if (BULLET.test(text)) return [text]
  return text
    .split(/;\s*/)
    .filter((s) => s.trim())
    .map((s, i, all) => (i < all.length - 1 ? `${s};` : s))
}

/** Kính gửi: the first such label within the first `window` lines (not "Đồng kính gửi"). */
export function findAddressees(lines: readonly string[], window = 80): ListFound | null {
  for (let i = 0; i < Math.min(window, lines.length); i++) {
    const m = KINH_GUI.exec(looseKey(lines[i]!))
    if (!m || (m[0].startsWith('kg') && !/[:.]/.test(m[0]))) continue
    const rest = lines[i]!.slice(m[0].length)
    let start = i + 1
    // A bare label whose list was read out of order (columns interleaved): the first bullet close by.
    if (!rest.trim() && !BULLET.test(lines[i + 1] ?? '-')) {
      const bullet = lines.findIndex((l, j) => j > i && j <= i + 8 && BULLET.test(l))
      if (bullet > 0) start = bullet
    }
    const { items, used } = readItems(lines, start, rest, {
      // A wrapped addressee continues in lower case or as a few words; the body is a sentence.
      canContinue: (line) =>
        !isUpperDominant(line) &&
        !startsWithPhrase(key(line), BODY_OPENERS) &&
        (startsLowercase(line) || line.split(' ').length <= 6),
    })
    return { labelIndex: i, items, used, confidence: items.length ? 0.9 : 0.3 }
  }
  return null
}

/** Nơi nhận: the last such label (a body rarely quotes it; the footer always comes last). */
export function findRecipients(lines: readonly string[], skip: LineFilter): ListFound | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = NOI_NHAN.exec(looseKey(lines[i]!))
    if (!m) continue
    const { items, used } = readItems(lines, i + 1, lines[i]!.slice(m[0].length), {
      skip,
      canContinue: (line) => !isUpperDominant(line),
    })
    const endsWithFiling = items.length > 0 && /^luu\b/.test(looseKey(items[items.length - 1]!))
    return { labelIndex: i, items, used, confidence: !items.length ? 0.2 : endsWithFiling ? 0.92 : 0.75 }
  }
  return null
}
