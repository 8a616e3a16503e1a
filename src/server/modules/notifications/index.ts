/** Placeholder while the module is being written. */
import type { AppModule } from '../../app.ts'

export const notificationsModule: AppModule = { name: 'notifications', routes: async () => undefined }
