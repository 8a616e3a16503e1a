/** The calendar's API calls and queries. Shapes come from `@common/contracts/calendar`. */
import { useQuery } from '@tanstack/react-query'
import type { TCalendarDay, TCalendarDayInput, TCalendarDayList, TDeadline } from '@common/contracts/calendar'
import type { ZOk } from '@common/contracts/common'
import type { z } from 'zod'
import { request } from '../../lib/api.ts'

export const CALENDAR_KEY = ['calendar-days'] as const

export const calendarApi = {
  days: (year: number) => request<TCalendarDayList>('GET', '/api/calendar/days', { query: { year } }),
  set: (date: string, body: TCalendarDayInput) =>
    request<TCalendarDay>('PUT', `/api/calendar/days/${encodeURIComponent(date)}`, { body }),
  remove: (date: string) =>
    request<z.infer<typeof ZOk>>('DELETE', `/api/calendar/days/${encodeURIComponent(date)}`),
  deadline: (from: string, workingDays: number) =>
    request<TDeadline>('GET', '/api/calendar/deadline', { query: { from, workingDays } }),
}

export function useCalendarDays(year: number) {
  return useQuery({ queryKey: [...CALENDAR_KEY, year], queryFn: () => calendarApi.days(year) })
}

/** 'yyyy-mm-dd' → 'dd/mm/yyyy', on the string: no Date, so the browser's zone cannot move the day. */
export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-')
  return `${d}/${m}/${y}`
}

/** 0 = Sunday … 6 = Saturday, computed in UTC from the string's parts. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}
