/** Optimal-string-alignment distance (Levenshtein plus transposition), enough for typos in field names. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Longest input a suggestion is looked for: field names and enum values are short, and the edit
 * distance costs length × length (a 2 MB key once took 6 s and 1.7 GB). Past it, no suggestion.
 */
export const MAX_SUGGESTION_INPUT = 64;

/** The closest candidate to `input`, if it is close enough to be a plausible typo. Bounded work: see MAX_SUGGESTION_INPUT. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > MAX_SUGGESTION_INPUT) return undefined;
  candidates = candidates.filter((c) => c.length <= MAX_SUGGESTION_INPUT * 2);
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(input.length / 3));
  if (bestDistance <= allowed) return best;
  // An abbreviation ("govt", "tls") is a prefix-like typo edit distance misses.
  if (lower.length >= 3) return candidates.find((c) => c.toLowerCase().startsWith(lower.slice(0, 3)) && [...lower].every((ch) => c.toLowerCase().includes(ch)));
  return undefined;
}
