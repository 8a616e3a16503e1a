/**
 * The place and date line: "{Place}, ngày DD tháng MM năm YYYY" (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I §II.4). Real lines lose the comma, the leading zeros, or share a line with the number.
 */
import type { TCaptureWarning } from '@common/contracts/capture'
import { foldSpaces, looseKey } from './text.ts'

export type DateFound = {
  lineIndex: number
  place: string | null
  issueDate: string | null
  placeConfidence: number
  dateConfidence: number
  warnings: TCaptureWarning[]
}

// Loose key (no marks), so "ngay", "thang", "nam" also match text that lost its diacritics.
// Some agencies print "ngày 05/01/2026" instead of the words the decree asks for.
const DATE = /ngay\s*(\d{1,2})\s*(?:thang\s*|[/.-]\s*)(\d{1,2})\s*(?:nam\s*|[/.-]\s*)(\d{4})/
/** A place is a short name: no more than six words, no digits except a district number. */
const PLACE = /^[\p{Lu}][\p{L}.\s-]*(?:\s\d{1,2})?$/u

export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day))
  const ok = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
  return ok ? d.toISOString().slice(0, 10) : null
}

/** The place printed before "ngày", stripped of a number that shares the line. */
function placeBefore(line: string, at: number): { place: string | null; hadComma: boolean } {
  let before = line.slice(0, at).trim()
  // "Số: 12/QĐ-UBND Hà Nội, ngày …" (columns joined): the place is what follows the notation.
  const afterNumber = /s[ốoô]\s*[:.]\s*\S*\/\S+\s+(.*)$/iu.exec(before)
  if (afterNumber) before = afterNumber[1]!.trim()
  const hadComma = /,$/.test(before)
  const place = foldSpaces(before.replace(/[,;:]+$/, ''))
  if (!place || place.split(' ').length > 6 || !PLACE.test(place)) return { place: null, hadComma }
  return { place, hadComma }
}

/**
 * The first date line among the first `window` lines. Lines of the body also hold dates
 * ("Căn cứ Luật … ngày 16 tháng 6 năm 2025"): a date line has nothing before "ngày" but a place.
 */
export function findDateLine(lines: readonly string[], window = 40): DateFound | null {
  for (let i = 0; i < Math.min(lines.length, window); i++) {
    let line = lines[i]!
    let m = DATE.exec(looseKey(line))
    // A narrow column or a hard-wrapped copy may break the line: "Hà Nội, ngày 19" / "tháng 7 năm 2022".
    if (!m && /ngay\s*\d{0,2}\s*(thang\s*\d{0,2}\s*(nam)?)?\s*$/.test(looseKey(line)) && lines[i + 1]) {
      line = `${line} ${lines[i + 1]}`
      m = DATE.exec(looseKey(line))
    }
    if (!m) continue
    let { place, hadComma } = placeBefore(line, m.index)
    // "Ngày 16 tháng 6 năm 2025, Quốc hội …" opens a paragraph; a bare date line ends at the year.
    const hasOnlyDate = !line.slice(0, m.index).trim() && line.slice(m.index + m[0].length).trim().length < 3
    // A narrow column may wrap the place onto the line above: "Thành phố Hồ Chí Minh," / "ngày …".
    if (hasOnlyDate && i > 0 && /,$/.test(lines[i - 1] ?? '')) {
      ;({ place, hadComma } = placeBefore(lines[i - 1]!, lines[i - 1]!.length))
    }
    if (!place && !hasOnlyDate) continue
    const [, day, month, year] = m
    const issueDate = isoDate(Number(year), Number(month), Number(day))
    const warnings: TCaptureWarning[] = []
    if (!issueDate) {
      warnings.push({
        code: 'DATE_INVALID',
        field: 'issueDate',
        message: `no such date: ${day}/${month}/${year}`,
      })
    }
    if (place && !hadComma) {
      warnings.push({
        code: 'DATE_LINE_NO_COMMA',
        field: 'place',
        message: 'no comma between the place and "ngày"',
      })
    }
    return {
      lineIndex: i,
      place,
      issueDate,
      placeConfidence: place ? (hadComma ? 0.95 : 0.85) : 0,
      dateConfidence: issueDate ? 0.97 : 0,
      warnings,
    }
  }
  return null
}
