/** Dates are stored in UTC and always shown in Vietnam time (Asia/Ho_Chi_Minh), whatever the browser's zone. */
import dayjs, { type Dayjs } from 'dayjs'
import { TIME_ZONE } from '@common/domain'

export const DATE_FORMAT = 'DD/MM/YYYY'
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm'
export const DATE_TIME_SECONDS_FORMAT = 'DD/MM/YYYY HH:mm:ss'

function inVietnam(value: string | Date): Dayjs {
  return dayjs(value).tz(TIME_ZONE)
}

export function formatDateTime(value: string | Date | null | undefined, withSeconds = false): string {
  if (!value) return ''
  return inVietnam(value).format(withSeconds ? DATE_TIME_SECONDS_FORMAT : DATE_TIME_FORMAT)
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return ''
  return inVietnam(value).format(DATE_FORMAT)
}

export function fromNow(value: string | Date): string {
  return dayjs(value).fromNow()
}

/**
 * A date picker gives wall-clock values in the browser's zone; read them as Vietnam wall-clock
 * time and return an ISO string with its offset (e.g. 2026-11-22T08:00:00+07:00).
 */
export function wallClockToIso(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), TIME_ZONE).format()
}

/** "Now" as a Vietnam wall-clock value for date pickers (the inverse of wallClockToIso). */
export function vietnamNowForPicker(): Dayjs {
  return dayjs(dayjs().tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss'))
}
