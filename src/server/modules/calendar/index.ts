/**
 * Calendar: the weekends, public holidays and compensating working days that working-day
 * deadlines are counted on. Other modules call addWorkingDays / isWorkingDay / todayInVietnam.
 */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import { calendarRoutes } from './routes.ts'

export { addWorkingDays, isWorkingDay, workingDaysBetween } from './deadlines.ts'
export { todayInVietnam } from './working-days.ts'
export { HOLIDAY_SEED_YEARS } from './holidays-data.ts'
export { seedHolidays } from './seed-holidays.ts'

export const calendarModule: AppModule = {
  name: 'calendar',
  routes: async (app: FastifyInstance) => {
    await calendarRoutes(app)
  },
}
