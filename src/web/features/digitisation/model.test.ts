/** The digitisation pages' pure helpers: progress, the next item to confirm, upload chunks. */
import { describe, expect, it } from 'vitest'
import type { TScanItem } from '@common/contracts/digitisation'
import { chunks, closedPercent, isScanFileName, nextToConfirm, readPercent } from './model.ts'

const counts = { total: 4, queued: 1, reading: 1, ready: 1, failed: 0, registered: 1, discarded: 0 }

function item(id: string, status: TScanItem['status']): TScanItem {
  const isOpen = ['queued', 'reading', 'ready', 'failed'].includes(status)
  return {
    id,
    status,
    abilities: { register: isOpen, discard: isOpen, retry: status === 'failed' },
  } as TScanItem
}

describe('digitisation model', () => {
  it('measures reading and deciding separately', () => {
    expect(readPercent({ counts })).toBe(50)
    expect(closedPercent({ counts })).toBe(25)
    expect(readPercent({ counts: { ...counts, total: 0, queued: 0, reading: 0 } })).toBe(100)
  })

  it('offers the next read item after the one just confirmed, wrapping round', () => {
    const items = [item('a', 'registered'), item('b', 'ready'), item('c', 'reading'), item('d', 'failed')]
    expect(nextToConfirm(items, null)?.id).toBe('b')
    expect(nextToConfirm(items, 'b')?.id).toBe('d')
    expect(nextToConfirm(items, 'd')?.id).toBe('b')
    expect(nextToConfirm([item('a', 'registered'), item('b', 'ready')], 'b')).toBeNull()
  })

  it('uploads in requests of ten and knows the scan file names', () => {
    expect(chunks([...'abcdefghijkl'], 10).map((c) => c.length)).toEqual([10, 2])
    expect(isScanFileName('CV 12.PDF')).toBe(true)
    expect(isScanFileName('anh.jpeg')).toBe(true)
    expect(isScanFileName('bang.xlsx')).toBe(false)
  })
})
