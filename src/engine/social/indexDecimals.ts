/**
 * How many decimals ИСБШ and its threshold are shown with (docs/method.md §3). A reader checks a
 * school's place in the ШНСУ group by comparing two shown numbers, so the shown numbers must compare
 * as the computed ones do: «79,28 ≤ порог 79,31», never «79,3 — нижний квартиль (порог 79,3)» on one
 * row and «79,3 — выше порога» on the next. Two decimals usually do; a near-tie needs more.
 */
export const MIN_INDEX_DECIMALS = 2;

/** Beyond nine, values closer than the group's 1e-9 tolerance are one value on paper anyway. */
const MAX_INDEX_DECIMALS = 9;

/** `79,28`: decimal comma, `decimals` places (as the sheet's number format «0.00» shows it). */
export function formatIsbsh(value: number, decimals: number = MIN_INDEX_DECIMALS): string {
  return value.toFixed(decimals).replace(".", ",");
}

const shown = (value: number, decimals: number): number => Number(value.toFixed(decimals));

/**
 * The fewest decimals (at least two) at which the group's highest index shows at or below the
 * threshold and the lowest index above the group shows above it. Rounding keeps order, so every other
 * school then reads right too. `sorted`: the indices ascending; `inGroup`: how many of them are ШНСУ.
 */
export function indexDecimals(
  sorted: ArrayLike<number>,
  inGroup: number,
  threshold: number | null
): number {
  if (threshold === null) return MIN_INDEX_DECIMALS;
  const highestIn = inGroup > 0 ? sorted[inGroup - 1] : -Infinity;
  const lowestOut = inGroup < sorted.length ? sorted[inGroup] : Infinity;
  return decimalsBetween(highestIn, lowestOut, threshold);
}

/**
 * The same from the group's highest index and the lowest above it (-Infinity, Infinity: none), as
 * one pass over unsorted indices finds them.
 */
export function decimalsBetween(highestIn: number, lowestOut: number, threshold: number): number {
  for (let decimals = MIN_INDEX_DECIMALS; decimals < MAX_INDEX_DECIMALS; decimals++) {
    const limit = shown(threshold, decimals);
    if (shown(highestIn, decimals) <= limit && shown(lowestOut, decimals) > limit) return decimals;
  }
  return MAX_INDEX_DECIMALS;
}
