/** Audit: reads the append-only, hash-chained events table and the login attempts. Never writes them. */
import type { AppModule } from '../../app.ts'
import { auditRoutes } from './routes.ts'

export const auditModule: AppModule = { name: 'audit', routes: auditRoutes }
