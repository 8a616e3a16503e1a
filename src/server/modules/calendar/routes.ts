/** The working-day calendar: every signed-in user reads it and asks for deadlines; the administrator keeps it. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  ZCalendarDay,
  ZCalendarDayInput,
  ZCalendarDayList,
  ZCalendarDayListQuery,
  ZCalendarDayParams,
  ZDeadline,
  ZDeadlineQuery,
} from '@common/contracts/calendar'
import { ZOk } from '@common/contracts/common'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { removeCalendarDay } from './actions/remove-calendar-day.ts'
import { setCalendarDay } from './actions/set-calendar-day.ts'
import { addWorkingDays } from './deadlines.ts'
import { canManageCalendar } from './policy.ts'
import { presentCalendarDay } from './present.ts'
import { listCalendarDays } from './queries.ts'

export async function calendarRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['calendar']
  const manage = 'calendar.manage' as const

  app.get(
    '/api/calendar/days',
    {
      schema: { tags, querystring: ZCalendarDayListQuery, response: { 200: ZCalendarDayList } },
      config: { access: 'user' },
    },
    async (request) => {
      const actor = actorOf(request)
      const { year } = request.query
      const rows = await listCalendarDays(app.deps.database.db, `${year}-01-01`, `${year}-12-31`)
      return {
        year,
        items: rows.map((d) => presentCalendarDay(actor, d)),
        abilities: { manage: canManageCalendar(actor) },
      }
    },
  )

  app.put(
    '/api/calendar/days/:date',
    {
      schema: { tags, params: ZCalendarDayParams, body: ZCalendarDayInput, response: { 200: ZCalendarDay } },
      config: { access: manage },
    },
    async (request) =>
      presentCalendarDay(
        actorOf(request),
        await runAction(request, setCalendarDay, { ...request.body, date: request.params.date }),
      ),
  )

  app.delete(
    '/api/calendar/days/:date',
    { schema: { tags, params: ZCalendarDayParams, response: { 200: ZOk } }, config: { access: manage } },
    async (request) => {
      await runAction(request, removeCalendarDay, { date: request.params.date })
      return { ok: true as const }
    },
  )

  app.get(
    '/api/calendar/deadline',
    {
      schema: { tags, querystring: ZDeadlineQuery, response: { 200: ZDeadline } },
      config: { access: 'user' },
    },
    async (request) => ({
      date: await addWorkingDays(app.deps.database.db, request.query.from, request.query.workingDays),
    }),
  )
}
