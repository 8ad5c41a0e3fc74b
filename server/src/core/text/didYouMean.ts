/**
 * "Did you mean …?" suggestions for misspelt keys, field names and enum values.
 *
 * Distance is Damerau-Levenshtein in its optimal-string-alignment form (insert, delete,
 * substitute, swap two neighbours), compared case-insensitively. The accepted distance grows
 * with the input (a third of its length, at least 1), so `tiemout` finds `timeout` while `foo`
 * does not find `bar`.
 */

/** Inputs longer than this are not compared (the cost is quadratic in length). */
const MAX_COMPARED_LENGTH = 200;

/** The largest distance accepted for an input of this length. */
export function maxSuggestionDistance(input: string): number {
  return Math.max(1, Math.floor(input.length / 3));
}

/**
 * Optimal-string-alignment distance between `a` and `b`. When `limit` is given, returns
 * `limit + 1` as soon as the distance is known to exceed it.
 */
export function damerauLevenshtein(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the one before the previous (for swaps), the previous, the current.
  let beforePrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, beforePrev[j - 2] + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrev, prev, cur] = [prev, cur, beforePrev];
  }
  return prev[b.length];
}

/**
 * The candidate closest to `input`, or null when none is close enough. Ties go to the candidate
 * listed first. A candidate equal to `input` except for case is returned; one identical to
 * `input` is not (there is nothing to suggest).
 */
export function suggestClosest(input: string, candidates: readonly string[]): string | null {
  if (input.length === 0 || input.length > MAX_COMPARED_LENGTH) return null;
  const needle = input.toLowerCase();
  const limit = maxSuggestionDistance(input);
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === input) return null;
    if (candidate.length > MAX_COMPARED_LENGTH) continue;
    const d = damerauLevenshtein(needle, candidate.toLowerCase(), Math.min(limit, bestDistance));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
}
