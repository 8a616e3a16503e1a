/** A small least-recently-used map, for verification results and chain decisions. */
export class LruMap<K, V> {
  readonly #map = new Map<K, V>()
  readonly #max: number

  constructor(maxEntries: number) {
    this.#max = Math.max(1, maxEntries)
  }

  get(key: K): V | undefined {
    const v = this.#map.get(key)
    if (v !== undefined) {
      this.#map.delete(key)
      this.#map.set(key, v)
    }
    return v
  }

  set(key: K, value: V): void {
    this.#map.delete(key)
    this.#map.set(key, value)
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value as K)
  }

  delete(key: K): void {
    this.#map.delete(key)
  }

  get size(): number {
    return this.#map.size
  }
}
