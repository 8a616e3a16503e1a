/** Calendar dates in Viet Nam time: arrival years, "today" for deadlines and overdue. */
import { TIME_ZONE } from '@common/domain'

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** yyyy-mm-dd of an instant in Asia/Ho_Chi_Minh. */
export function vnDate(at: Date): string {
  return dateFormat.format(at)
}

/** The register year of an arrival: numbers restart on 1 January, Viet Nam time (Decree 30/2020, Art. 22.2). */
export function vnYear(at: Date): number {
  return Number(vnDate(at).slice(0, 4))
}

/** Whether a deadline (yyyy-mm-dd) has passed on `today` for work not finished. */
export function isPastDue(dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate < today
}
