/**
 * In ascending positions `positionOf(0) … positionOf(count - 1)`, the index of the last one at or
 * before `offset`, or -1 when the first is already after it. Binary search.
 */
export function lastAtOrBefore(count: number, positionOf: (i: number) => number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (positionOf(mid) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
