/** Notifications: an inbox per user, filled by an after-commit handler from the events table; e-mailed when SMTP is configured. */
import type { AppModule } from '../../app.ts'
import { defineNotificationEmails } from './email-jobs.ts'
import { notificationsHandler } from './on-events.ts'
import { notificationRoutes } from './routes.ts'

export {
  NOTIFICATION_EMAIL_JOB,
  NOTIFICATION_EMAIL_QUEUE_JOB,
  queueNotificationEmails,
  sendNotificationEmails,
  type NotificationEmailJob,
} from './email-jobs.ts'

export const notificationsModule: AppModule = {
  name: 'notifications',
  routes: notificationRoutes,
  register: (deps) => {
    deps.dispatcher.register(notificationsHandler())
    defineNotificationEmails(deps)
  },
}
