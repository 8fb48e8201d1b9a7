/**
 * Index of the first value ≥ `value` in ascending `sorted` (its length when there is none): a binary
 * search, as a national table (50,000 schools) makes a linear one quadratic.
 */
export function firstAtLeast(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
