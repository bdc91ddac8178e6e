/**
 * Whether a filtered set is dense (pageIndex), remembered per filtered query for a while. The answer
 * only chooses how a page is read, never which rows: a stale one costs time, not correctness. Paging
 * through a filter, sorting it another way or coming back to it asks the same question again, and
 * the probe behind it can read thousands of index entries; the set's size rarely crosses the
 * threshold within a minute. Per process and bounded: the least recently used entry goes first.
 */
export class DensityMemo {
  readonly #entries = new Map<string, { dense: boolean; until: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly capacity = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  async dense(key: string, measure: () => Promise<boolean>): Promise<boolean> {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    if (entry && entry.until > this.now()) {
      this.#entries.set(key, entry);
      return entry.dense;
    }
    const dense = await measure();
    this.#entries.set(key, { dense, until: this.now() + this.ttlMs });
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return dense;
  }
}
