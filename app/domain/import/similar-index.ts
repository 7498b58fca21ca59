import { findSimilarNames, nameTokens } from "../similar-names";

// Duplicate-name checks for a whole file: comparing every row with every other is quadratic (5,000
// rows took minutes), so names are filed under the first and last three letters of each word (and of
// the words run together), and only names sharing such a key within the same group are compared in
// full, at most the MAX_CANDIDATES most recent. Missed: a typo in both the first and the last three
// letters of every word, or a look-alike buried under many later look-alikes; the price of a 5,000-row
// file answering in seconds.

/** How many filed names, the most recent, are compared in full with each new one. */
const MAX_CANDIDATES = 25;

function keysOf(name: string): string[] {
  const tokens = nameTokens(name);
  const words = tokens.length > 1 ? [...tokens, tokens.join("")] : tokens;
  return [...new Set(words.flatMap((word) => [`<${word.slice(0, 3)}`, `>${word.slice(-3)}`]))];
}

export class SimilarNameIndex<T extends { name: string }> {
  private readonly byKey = new Map<string, { order: number; item: T }[]>();
  private count = 0;

  /** Files a name under a group (e.g. its regency): names are only compared within a group. */
  add(group: string, item: T): void {
    const entry = { order: this.count++, item };
    for (const key of keysOf(item.name)) {
      const bucket = this.byKey.get(`${group}|${key}`);
      if (bucket) bucket.push(entry);
      else this.byKey.set(`${group}|${key}`, [entry]);
    }
  }

  /** The filed names of the group that look like `name`, in the order they were filed. */
  similarTo(group: string, name: string, except?: (item: T) => boolean): T[] {
    const candidates = new Map<number, T>();
    for (const key of keysOf(name)) {
      // Buckets are in filing order: only their recent ends can make the cut.
      for (const entry of (this.byKey.get(`${group}|${key}`) ?? []).slice(-MAX_CANDIDATES)) candidates.set(entry.order, entry.item);
    }
    const recent = [...candidates.entries()]
      .sort(([a], [b]) => a - b)
      .slice(-MAX_CANDIDATES)
      .map(([, item]) => item)
      .filter((item) => !except?.(item));
    return findSimilarNames(name, recent);
  }
}
