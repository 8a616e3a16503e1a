/** Pure helpers of the digitisation pages: progress, the next item to confirm, titles. */
import type { TScanBatchSummary, TScanItem, TScanItemStatus } from '@common/contracts/digitisation'

/** Files read (or failed) out of all: the reading progress in percent. */
export function readPercent(batch: Pick<TScanBatchSummary, 'counts'>): number {
  const { total, queued, reading } = batch.counts
  return total === 0 ? 100 : Math.round((100 * (total - queued - reading)) / total)
}

/** Files decided (registered or discarded) out of all, in percent. */
export function closedPercent(batch: Pick<TScanBatchSummary, 'counts'>): number {
  const { total, registered, discarded } = batch.counts
  return total === 0 ? 100 : Math.round((100 * (registered + discarded)) / total)
}

const CONFIRMABLE: readonly TScanItemStatus[] = ['ready', 'failed']

/** The next item to confirm after `afterId`, in the batch's order, wrapping round; read items first. */
export function nextToConfirm(items: readonly TScanItem[], afterId: string | null): TScanItem | null {
  const start = afterId ? items.findIndex((i) => i.id === afterId) + 1 : 0
  const ordered = [...items.slice(start), ...items.slice(0, start)]
  return (
    ordered.find((i) => i.abilities.register && CONFIRMABLE.includes(i.status) && i.id !== afterId) ?? null
  )
}

/** Split files into the upload requests POST /api/files accepts (at most `size` files each). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/** Extensions a batch reads, for the file picker and to set other files aside before uploading. */
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx'

export function isScanFileName(name: string): boolean {
  const dot = name.lastIndexOf('.')
  return dot >= 0 && SCAN_ACCEPT.split(',').includes(name.slice(dot).toLowerCase())
}
