/** Path of the migration page (kept beside the feature; the shell and the router import it). */
export const MIGRATION_PATH = '/admin/migration'
