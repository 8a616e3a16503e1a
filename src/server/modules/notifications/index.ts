/** Notifications: an inbox per user, filled by an after-commit handler from the events table. */
import type { AppModule } from '../../app.ts'
import { notificationsHandler } from './on-events.ts'
import { notificationRoutes } from './routes.ts'

export const notificationsModule: AppModule = {
  name: 'notifications',
  routes: notificationRoutes,
  register: (deps) => deps.dispatcher.register(notificationsHandler()),
}
