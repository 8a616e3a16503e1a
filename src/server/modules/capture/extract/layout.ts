/**
 * Text items of one PDF page (position, size) into lines in reading order. Decree 30 pages put the
 * header and the footer in two columns (issuer and number left, motto and date right; recipients
 * left, signature right: Phụ lục I). Items on one baseline are one row; a wide gap splits a row
 * into columns; consecutive two-column rows form a block, read left column first, then right,
 * as a DOCX table or an HTML copy reads. Full-width rows (body, centred titles) end a block.
 * Pure, so it can be tested without a PDF.
 */
export type PageItem = { text: string; x: number; y: number; width: number; height: number }

type Part = { text: string; x0: number; x1: number; size: number }
type Segment = Part & { parts: Part[] }
type Row = { y: number; size: number; segments: Segment[] }
/** Two columns: the left column's right edge and the right column's left edge so far. */
type Block = { leftEdge: number; rightEdge: number; left: Segment[]; right: Segment[] }

/** A gap wider than this many font sizes separates columns, not words. */
const COLUMN_GAP_EM = 2.2
/** A gap wider than this many font sizes is a space between words. */
const SPACE_GAP_EM = 0.1

function segment(parts: Part[]): Segment {
  let text = ''
  for (const [i, p] of parts.entries()) {
    const prev = parts[i - 1]
    const gap = prev ? p.x0 - prev.x1 : 0
    text +=
      prev && gap > SPACE_GAP_EM * p.size && !/\s$/.test(text) && !/^\s/.test(p.text) ? ` ${p.text}` : p.text
  }
  const x1 = Math.max(...parts.map((p) => p.x1))
  return { text: text.replace(/\s+/g, ' ').trim(), x0: parts[0]!.x0, x1, size: parts[0]!.size, parts }
}

export function rowsOf(items: readonly PageItem[]): Row[] {
  const visible = items.filter((i) => i.text.trim() && i.width >= 0)
  visible.sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: { y: number; size: number; items: PageItem[] }[] = []
  for (const item of visible) {
    const size = item.height || 10
    const row = rows.find((r) => Math.abs(r.y - item.y) <= 0.5 * Math.max(size, r.size))
    if (row) {
      row.items.push(item)
      row.size = Math.max(row.size, size)
    } else rows.push({ y: item.y, size, items: [item] })
  }
  rows.sort((a, b) => b.y - a.y)
  return rows.map((r) => {
    const sorted = [...r.items].sort((a, b) => a.x - b.x)
    const groups: Part[][] = []
    for (const item of sorted) {
      const part = { text: item.text, x0: item.x, x1: item.x + item.width, size: item.height || r.size }
      const last = groups[groups.length - 1]
      const gap = last ? item.x - Math.max(...last.map((p) => p.x1)) : Infinity
      if (!last || gap > COLUMN_GAP_EM * (item.height || r.size)) groups.push([part])
      else last.push(part)
    }
    return { y: r.y, size: r.size, segments: groups.map(segment) }
  })
}

const centreOf = (s: Part) => (s.x0 + s.x1) / 2

/** Lines of one page in reading order. */
export function pageLines(items: readonly PageItem[]): string[] {
  const rows = rowsOf(items)
  if (!rows.length) return []
  const left = Math.min(...rows.map((r) => r.segments[0]!.x0))
  const right = Math.max(...rows.map((r) => r.segments[r.segments.length - 1]!.x1))
  const centre = (left + right) / 2
  const tol = (right - left) * 0.03
  // A page number alone at the top (Phụ lục I: pages after the first are numbered) is no text.
  if (rows[0]!.segments.length === 1 && /^\d{1,3}$/.test(rows[0]!.segments[0]!.text)) rows.shift()

  /**
   * A lone line joins a column only if aligned with it: on its centre axis (header, signature) or
   * on its left edge (recipients). Which of the two a column uses is whichever its lines share
   * more exactly: short left-aligned lines look roughly centred, short centred ones roughly flush.
   */
  const aligned = (s: Segment, column: Segment[]) => {
    const ref = column[0]
    if (!ref) return true
    const centred = column.filter((c) => Math.abs(centreOf(c) - centreOf(ref)) < tol * 0.3).length
    const flush = column.filter((c) => Math.abs(c.x0 - ref.x0) < tol * 0.3).length
    if (column.length > 1 && Math.max(centred, flush) < 2) return false
    return flush > centred ||
      (flush === centred && column.length === 1 && Math.abs(s.x0 - ref.x0) < tol * 0.7)
      ? Math.abs(s.x0 - ref.x0) < tol * 0.7
      : Math.abs(centreOf(s) - centreOf(ref)) < tol * 1.5
  }
  const fitsLeft = (s: Part, b: Block) => s.x1 <= b.rightEdge + tol
  const fitsRight = (s: Part, b: Block) => s.x0 >= b.leftEdge - tol
  /** A line run into the next column (narrow gutter): cut it at the item gap between the columns. */
  const splitAcross = (s: Segment, b: Block): Segment[] => {
    for (let i = 1; i < s.parts.length; i++) {
      const before = s.parts.slice(0, i)
      const after = s.parts.slice(i)
      if (
        before.every((p) => fitsLeft(p, b)) &&
        after.every((p) => fitsRight(p, b)) &&
        after[0]!.x0 >= b.leftEdge - tol
      ) {
        return [segment(before), segment(after)]
      }
    }
    return [s]
  }

  const out: string[] = []
  let block: Block | null = null
  let pending: Segment[] = []
  const flushBlock = () => {
    if (block) out.push(...block.left.map((s) => s.text), ...block.right.map((s) => s.text))
    block = null
  }
  const flushPending = () => {
    out.push(...pending.map((s) => s.text))
    pending = []
  }
  const addPair = (b: Block, l: Segment, r: Segment[]) => {
    b.left.push(l)
    b.right.push(segment(r.flatMap((s) => s.parts)))
    b.leftEdge = Math.max(b.leftEdge, l.x1)
    b.rightEdge = Math.min(b.rightEdge, r[0]!.x0)
  }

  let previousY = Infinity
  for (const row of rows) {
    // A blank band (more than a blank line) ends a block.
    if (previousY - row.y > 2.6 * row.size) flushBlock()
    previousY = row.y
    let segs = row.segments
    const current = block as Block | null
    if (current && segs.length === 1 && !fitsLeft(segs[0]!, current) && !fitsRight(segs[0]!, current)) {
      segs = splitAcross(segs[0]!, current)
    }
    if (segs.length >= 2) {
      const [l, ...r] = segs as [Segment, ...Segment[]]
      if (current && fitsLeft(l, current) && fitsRight(r[0]!, current)) {
        addPair(current, l, r)
        continue
      }
      flushBlock()
      const next: Block = { leftEdge: l.x1, rightEdge: r[0]!.x0, left: [], right: [] }
      // Narrow lines just above belong to this block (a signature block may start above "Nơi nhận").
      for (const s of pending) {
        if (fitsLeft(s, next) && s.x1 < centre) next.left.push(s)
        else if (fitsRight(s, next) && s.x0 > centre - tol) next.right.push(s)
        else out.push(s.text)
      }
      pending = []
      addPair(next, l, r)
      block = next
      continue
    }
    const seg = segs[0]!
    if (current) {
      const side =
        fitsLeft(seg, current) && aligned(seg, current.left)
          ? 'left'
          : fitsRight(seg, current) && aligned(seg, current.right)
            ? 'right'
            : null
      if (side) {
        current[side].push(seg)
        continue
      }
    }
    flushBlock()
    if (seg.x0 < centre - tol && seg.x1 > centre + tol) {
      flushPending()
      out.push(seg.text)
    } else pending.push(seg)
  }
  flushBlock()
  flushPending()
  return out
}
