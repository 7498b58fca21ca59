// Spotting a market entered twice under slightly different names ("Pasar Flamboyan",
// "flamboyan", "Ps. Flamboyan Baru"). Pure; used by the market form before saving.

/** Words every market name may carry; they say nothing about which market it is. */
const IGNORED = new Set(["pasar", "ps"]);

/** Qualifiers that tell an old and a new building apart but not two different markets. */
const QUALIFIERS = new Set(["baru", "lama", "besar", "induk", "sentral", "raya", "rakyat", "tradisional", "modern", "umum"]);

/** Lower-case words without accents or punctuation, minus "pasar". */
export function nameTokens(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !IGNORED.has(word));
}

/** The words that identify the market; a name made only of qualifiers keeps them. */
function coreTokens(name: string): string[] {
  const tokens = nameTokens(name);
  const core = tokens.filter((word) => !QUALIFIERS.has(word));
  return core.length > 0 ? core : tokens;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Typos allowed for a word of this length: none for short words, where one letter changes the name. */
const typosAllowed = (length: number) => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

function wordsMatch(a: string, b: string): boolean {
  return a === b || editDistance(a, b) <= typosAllowed(Math.min(a.length, b.length));
}

/** Every word of `part` appears (allowing a typo) among `whole`. */
const coveredBy = (part: string[], whole: string[]) => part.every((word) => whole.some((other) => wordsMatch(word, other)));

/**
 * Whether two names probably mean the same market: one's identifying words all appear in the other
 * ("Flamboyan" in "Pasar Flamboyan Baru"), or the names differ by a typo or a space ("Kenanga Anggrek"
 * and "KenangaAnggrek").
 */
export function areNamesSimilar(a: string, b: string): boolean {
  const coreA = coreTokens(a);
  const coreB = coreTokens(b);
  if (coreA.length === 0 || coreB.length === 0) return false;
  if (coveredBy(coreA, coreB) || coveredBy(coreB, coreA)) return true;
  return wordsMatch(coreA.join(""), coreB.join(""));
}

/** The candidates whose names are similar to `name`, in their original order. */
export function findSimilarNames<T extends { name: string }>(name: string, candidates: T[]): T[] {
  return candidates.filter((candidate) => areNamesSimilar(name, candidate.name));
}
