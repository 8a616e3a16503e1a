/** A problem with the whole file (unreadable, no header row, a required column missing): the run fails with this Vietnamese text. */
export class MigrationFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MigrationFileError'
  }
}
