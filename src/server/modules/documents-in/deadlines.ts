/**
 * Deadlines given as a date or as a number of working days (Decree 30/2020, Art. 24: the leader
 * sets the handling deadline of each unit). Working days come from the calendar module, which
 * knows weekends, public holidays and compensating working days.
 */
import type { z } from 'zod'
import type { ZDeadline } from '@common/contracts/documents-in'
import type { Executor } from '../../platform/db/client.ts'
import { AppError } from '../../platform/errors.ts'
import { addWorkingDays } from '../calendar/index.ts'
import { vnDate } from './dates.ts'

export type TDeadline = z.infer<typeof ZDeadline>

/** The due date of a deadline counted from `now` (Viet Nam time); null when none was given. */
export async function resolveDeadline(
  db: Executor,
  deadline: TDeadline | null | undefined,
  now: Date,
  path: string,
): Promise<string | null> {
  if (!deadline) return null
  const today = vnDate(now)
  if ('date' in deadline) {
    if (deadline.date < today) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'A deadline cannot be in the past',
        details: [{ path, message: 'Hạn xử lý đã qua' }],
      })
    }
    return deadline.date
  }
  return addWorkingDays(db, today, deadline.workingDays)
}
