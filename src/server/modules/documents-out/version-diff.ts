/** Comparing two versions of a draft by their text: a word diff as segments. Pure. */
import { diffWords } from 'diff'
import type { TVersionDiff } from '@common/contracts/documents-out'

/** Text of a PDF comes with hard line breaks; compare words, not layout. */
function flatten(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

export function diffVersions(
  from: { version: number; text: string | null },
  to: { version: number; text: string | null },
): TVersionDiff {
  const parts = diffWords(flatten(from.text ?? ''), flatten(to.text ?? ''))
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length
  let addedWords = 0
  let removedWords = 0
  const segments = parts.map((p) => {
    if (p.added) addedWords += words(p.value)
    if (p.removed) removedWords += words(p.value)
    return {
      kind: p.added ? ('added' as const) : p.removed ? ('removed' as const) : ('same' as const),
      text: p.value,
    }
  })
  return {
    fromVersion: from.version,
    toVersion: to.version,
    isComplete: from.text !== null && to.text !== null,
    segments,
    addedWords,
    removedWords,
  }
}
