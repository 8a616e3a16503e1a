/** The inbox deadline filter's limits, from a Viet Nam date. */
import { describe, expect, it } from 'vitest'
import { dueLimit } from './inbox-queries.ts'

describe('dueLimit', () => {
  it('ends today, on Sunday of the week (weeks start on Monday), or on the last day of the month', () => {
    expect(dueLimit('today', '2026-11-18')).toBe('2026-11-18')
    expect(dueLimit('week', '2026-11-16')).toBe('2026-11-22')
    expect(dueLimit('week', '2026-11-18')).toBe('2026-11-22')
    expect(dueLimit('week', '2026-11-22')).toBe('2026-11-22')
    expect(dueLimit('month', '2026-11-18')).toBe('2026-11-30')
    expect(dueLimit('month', '2028-02-03')).toBe('2028-02-29')
    expect(dueLimit('month', '2026-12-31')).toBe('2026-12-31')
  })
})
