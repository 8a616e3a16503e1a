/**
 * Migration of the previous system's document database (issue 6): incoming and outgoing
 * documents from its CSV/Excel exports, with their files from a zip; a dry run reports every
 * problem by row and column; the import is idempotent (migration keys) and resumable (chunks,
 * next_row), and runs as a background job. The mapping is in src/common/contracts/migration.ts
 * and docs/migration.md.
 */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import { defineMigrationJob } from './process.ts'
import { migrationRoutes } from './routes.ts'

export { MIGRATION_EVENTS, MIGRATION_TARGET, type RowsImportedData } from './events.ts'
export { MIGRATION_JOB, processMigrations, type ProcessOptions } from './process.ts'

export const migrationModule: AppModule = {
  name: 'migration',
  routes: async (app: FastifyInstance) => {
    await migrationRoutes(app)
  },
  register: (deps) => {
    defineMigrationJob(deps)
  },
}
