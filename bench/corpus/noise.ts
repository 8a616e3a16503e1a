/**
 * A light stand-in for OCR errors, to see how the parser degrades before real OCR (issue 6)
 * exists: some words lose their diacritics, some lines gain stray spaces, "Số" loses its accent.
 * Not a model of tesseract's errors; a stress test only.
 */
import { random } from './generate.ts'

function stripMarks(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
}

export function addNoise(text: string, seed: number): string {
  const rnd = random(seed)
  return text
    .split('\n')
    .map((line) => {
      let out = line
        .split(' ')
        .map((w) => (rnd() < 0.03 ? stripMarks(w) : w))
        .join(' ')
      if (rnd() < 0.1) out = out.replace(/^Số:/, 'Sô:')
      if (rnd() < 0.08) out = out.replace(/\//, ' / ')
      if (rnd() < 0.05) out = out.replace(/ /, '  ')
      return out
    })
    .join('\n')
}
