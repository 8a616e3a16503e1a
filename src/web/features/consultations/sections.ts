/**
 * Splitting a draft's text into sections for clause-by-clause comments: every line that starts
 * with "Điều", "Mục" (or "Chương", "Phần" when text follows) and a number opens a section ("Điều 3. Giải thích từ ngữ" →
 * key "dieu-3"); the lines after it, up to the next heading, are its text.
 */
import type { TSection } from '@common/contracts/consultations'

const HEADING = /^\s*(Chương|Mục|Điều|Phần)\s+([0-9]+[a-zđ]?|[IVXLCDM]+)\s*([.:\-–]\s*)?(.*)$/iu

/** ASCII lower case with dashes, for section keys ("Điều 12a" → "dieu-12a"). */
export function sectionKeyOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '')
}

/** A key not yet in `taken` (adds -2, -3, … when needed); `taken` is updated. */
export function uniqueKey(wanted: string, taken: Set<string>): string {
  const stem = wanted || 'muc'
  let key = stem
  for (let n = 2; taken.has(key); n += 1) key = `${stem.slice(0, 36)}-${n}`
  taken.add(key)
  return key
}

export type SplitSection = { key: string; label: string; text: string | null }

/**
 * The sections of a pasted draft. Text before the first heading becomes a preamble section
 * (labelled `preambleLabel`) when it is not empty. No heading at all gives one section.
 */
export function splitDraft(text: string, preambleLabel: string): SplitSection[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  type Open = { label: string; lines: string[]; base: string; isPart: boolean }
  const out: Open[] = []
  let current: Open | null = null
  const preamble: string[] = []
  for (const line of lines) {
    const m = HEADING.exec(line)
    if (m) {
      current = {
        label: line.trim().slice(0, 300),
        lines: [],
        base: sectionKeyOf(`${m[1]} ${m[2]}`),
        isPart: /^(chương|phần)$/iu.test(m[1]!),
      }
      out.push(current)
    } else if (current) current.lines.push(line)
    else preamble.push(line)
  }
  const taken = new Set<string>()
  const body = (ls: string[]) => ls.join('\n').trim() || null
  const sections: SplitSection[] = []
  const pre = body(preamble)
  if (pre && out.length > 0)
    sections.push({ key: uniqueKey('mo-dau', taken), label: preambleLabel, text: pre })
  if (out.length === 0 && pre)
    sections.push({ key: uniqueKey('toan-van', taken), label: preambleLabel, text: pre })
  for (const s of out) {
    // A chapter or part heading right before its first article carries nothing to comment on.
    const text = body(s.lines)
    if (s.isPart && text === null) continue
    sections.push({ key: uniqueKey(s.base, taken), label: s.label, text })
  }
  return sections
}

/** The section as the contract takes it. */
export function toSectionInput(s: SplitSection): TSection {
  return { key: s.key, label: s.label, text: s.text }
}
