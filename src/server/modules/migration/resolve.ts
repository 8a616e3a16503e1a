/**
 * Names in the export resolved against our directory: the issuing organ of an incoming document
 * (to the directory entry, when there is exactly one), the signer of an outgoing one (to a user
 * with that full name, when there is exactly one) and its drafting unit. A name matches as
 * written first (case aside), then without diacritics only if that is still unambiguous: two
 * people whose names differ only by tone marks are different people.
 */
import { fold, nameKey } from './fold.ts'
import type { Lookups } from './queries.ts'

class NameIndex {
  readonly #exact = new Map<string, string | null>()
  readonly #folded = new Map<string, string | null>()

  add(name: string | null, id: string): void {
    if (!name) return
    for (const [map, key] of [
      [this.#exact, nameKey(name)],
      [this.#folded, fold(name)],
    ] as const) {
      const seen = map.get(key)
      map.set(key, seen === undefined || seen === id ? id : null)
    }
  }

  /** The one id with this name, or null (unknown or ambiguous). */
  find(name: string): string | null {
    const exact = this.#exact.get(nameKey(name))
    if (exact !== undefined) return exact
    return this.#folded.get(fold(name)) ?? null
  }
}

export class Directory {
  readonly organizationCode: string | null
  readonly #organizations = new NameIndex()
  readonly #organizationCodes = new Map<string, string>()
  readonly #codeOf = new Map<string, string | null>()
  readonly #users = new NameIndex()
  readonly #units = new NameIndex()

  constructor(lookups: Lookups) {
    this.organizationCode = lookups.organizationCode
    for (const o of lookups.organizations) {
      this.#organizations.add(o.name, o.id)
      this.#organizations.add(o.shortName, o.id)
      if (o.code) this.#organizationCodes.set(o.code.toUpperCase(), o.id)
      this.#codeOf.set(o.id, o.code)
    }
    for (const u of lookups.users) this.#users.add(u.fullName, u.id)
    for (const u of lookups.units) {
      this.#units.add(u.name, u.id)
      this.#units.add(u.shortName, u.id)
      this.#units.add(u.code, u.id)
    }
  }

  /** The directory entry of an issuing organ named (or coded) so. */
  organization(name: string | null): { id: string; code: string | null } | null {
    if (!name) return null
    const id = this.#organizationCodes.get(name.trim().toUpperCase()) ?? this.#organizations.find(name)
    return id ? { id, code: this.#codeOf.get(id) ?? null } : null
  }

  user(fullName: string | null): string | null {
    return fullName ? this.#users.find(fullName) : null
  }

  unit(name: string | null): string | null {
    return name ? this.#units.find(name) : null
  }
}

/** The Decree 30/2020 Annex VI identifier OrganId,yyyy/MM/dd,number/notation, when every part is known. */
export function documentIdentifier(
  organizationCode: string | null,
  issueDate: string | null,
  numberAndNotation: string | null,
): string | null {
  if (!organizationCode || !issueDate || !numberAndNotation) return null
  return `${organizationCode},${issueDate.replaceAll('-', '/')},${numberAndNotation.replace(/\s+/g, '')}`
}
