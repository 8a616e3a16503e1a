/** Query keys of the migration page. */
export const MIGRATION_RUNS_KEY = ['migration', 'runs'] as const

export function runKey(id: string) {
  return [...MIGRATION_RUNS_KEY, 'one', id] as const
}
