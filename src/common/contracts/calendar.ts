/**
 * The working-day calendar: public holidays and compensating working days, kept by the
 * administrator, and the deadline a number of working days gives.
 */
import { z } from 'zod'

/** 'holiday': a day off on a weekday; 'working_day': a Saturday or Sunday worked in exchange for a bridge day. */
export const CALENDAR_DAY_KINDS = ['holiday', 'working_day'] as const
export type TCalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number]

/** The years the calendar may hold: wide enough for any deadline, narrow enough to refuse typos. */
export const CALENDAR_MIN_YEAR = 2000
export const CALENDAR_MAX_YEAR = 2199

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A day in Vietnam as 'yyyy-mm-dd' (no time, no time zone). */
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày có dạng yyyy-mm-dd' })
  .refine(isCalendarDate, { error: 'Ngày không có thật trên lịch' })
  .refine((v) => Number(v.slice(0, 4)) >= CALENDAR_MIN_YEAR && Number(v.slice(0, 4)) <= CALENDAR_MAX_YEAR, {
    error: `Năm trong khoảng ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`,
  })

export const ZCalendarYear = z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR)

export const ZCalendarDay = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), remove: z.boolean() }),
})
export type TCalendarDay = z.infer<typeof ZCalendarDay>

export const ZCalendarDayListQuery = z.object({ year: ZCalendarYear }).strict()
export type TCalendarDayListQuery = z.infer<typeof ZCalendarDayListQuery>

export const ZCalendarDayList = z.object({
  year: z.number().int(),
  items: z.array(ZCalendarDay),
  abilities: z.object({ manage: z.boolean() }),
})
export type TCalendarDayList = z.infer<typeof ZCalendarDayList>

export const ZCalendarDayParams = z.object({ date: ZCalendarDate }).strict()
export type TCalendarDayParams = z.infer<typeof ZCalendarDayParams>

/** The body of PUT /api/calendar/days/:date: create the entry or replace it. */
export const ZCalendarDayInput = z
  .object({
    kind: z.enum(CALENDAR_DAY_KINDS),
    name: z.string().trim().min(1).max(200),
  })
  .strict()
export type TCalendarDayInput = z.infer<typeof ZCalendarDayInput>

/** The deadline `workingDays` working days after `from` (0: `from` itself, or the next working day). */
export const ZDeadlineQuery = z
  .object({ from: ZCalendarDate, workingDays: z.coerce.number().int().min(0).max(1000) })
  .strict()
export type TDeadlineQuery = z.infer<typeof ZDeadlineQuery>

export const ZDeadline = z.object({ date: z.string() })
export type TDeadline = z.infer<typeof ZDeadline>
