import { selectInPlace } from "../selectInPlace";

/**
 * The least advantaged group (ШНСУ, docs/method.md §3): schools whose ИСБШ is at or below the lower quartile
 * (0.25) or quintile (0.2) of the municipality's schools.
 *
 * The threshold is the quantile computed the way Excel's ПРОЦЕНТИЛЬ.ВКЛ (PERCENTILE.INC) does it —
 * linear interpolation between the sorted values at position (n − 1) × q — so a specialist can check it
 * with one formula. Ties: every school whose index equals the threshold is in the group, so tied
 * schools are never split; when that makes the group far larger than the chosen share, the analysis
 * says so with the numbers (`assessSocialWellBeing`). Small municipalities: a quartile needs at least 4 schools and a quintile 5
 * (otherwise the "lowest quarter" would be a single school by construction); with fewer, no school is
 * selected and the caller reports why. With 7 schools and q = 0.25 the threshold lies between the 2nd
 * and 3rd lowest values, so 2 schools are selected (more only if tied with the 2nd).
 */
export type Quantile = 0.25 | 0.2;

export const QUANTILE_NAMES: Record<Quantile, string> = {
  0.25: "нижний квартиль",
  0.2: "нижний квинтиль",
};

export function minimumSchoolsFor(quantile: number): number {
  return Math.ceil(1 / quantile);
}

/** What the group's share is, said instead of «0 %», when too few schools were ranked to form it. */
export function groupNotFormed(quantile: number): string {
  return `не определена (школ меньше ${minimumSchoolsFor(quantile)})`;
}

/**
 * The most schools the chosen share of `ranked` holds, ⌈q·n⌉: 2 of 5 for a quartile. PERCENTILE.INC
 * without ties never selects more (it selects ⌊(n − 1)·q⌋ + 1); only schools tied at the threshold
 * can. The 1e-9 keeps 0.2 × 15 = 3.0000000000000004 at 3.
 */
export function chosenShareHolds(ranked: number, quantile: number): number {
  return Math.ceil(ranked * quantile - 1e-9);
}

/** PERCENTILE.INC of the values (which need not be sorted); NaN for an empty list. */
export function percentileInclusive(values: readonly number[], quantile: number): number {
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    quantile
  );
}

/** PERCENTILE.INC of values sorted ascending; NaN for an empty list. */
export function percentileOfSorted(sorted: ArrayLike<number>, quantile: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * quantile;
  const below = Math.floor(position);
  const fraction = position - below;
  return below + 1 < sorted.length
    ? sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    : sorted[below];
}

/** The threshold of the group, or null when there are too few schools to form one. */
export function lowerQuantileThreshold(values: readonly number[], quantile: number): number | null {
  if (values.length < minimumSchoolsFor(quantile)) return null;
  return percentileInclusive(values, quantile);
}

/**
 * `lowerQuantileThreshold` of values in any order, which it reorders: the two values PERCENTILE.INC
 * interpolates between are found by selection (`selectInPlace`) — the same two a sort puts there, so
 * the same threshold — where sorting a national ranking was a third of the ИСБШ time.
 */
export function lowerQuantileThresholdSelecting(
  values: Float64Array,
  quantile: number
): number | null {
  if (values.length < minimumSchoolsFor(quantile)) return null;
  const position = (values.length - 1) * quantile;
  const below = Math.floor(position);
  const fraction = position - below;
  selectInPlace(values, 0, values.length, below);
  if (below + 1 >= values.length) return values[below];
  // After the selection no value past `below` is smaller than it: the next in order is their least.
  const next = leastFrom(values, below + 1);
  return values[below] + fraction * (next - values[below]);
}

/**
 * The least of `values` from `start` on. A function of its own: as a loop inside the function above,
 * V8 compiled that function while the loop ran (on-stack replacement), and the compiled code, on
 * reaching the interpolation after the loop, which it had no feedback for, was thrown away on every
 * call.
 */
function leastFrom(values: Float64Array, start: number): number {
  let least = values[start];
  for (let index = start + 1; index < values.length; index++)
    if (values[index] < least) least = values[index];
  return least;
}

/** Comparisons are rounded to 1e-9 so that an index equal to the threshold on paper is in the group. */
export function isAtOrBelow(value: number, threshold: number): boolean {
  return value <= threshold + 1e-9;
}

/**
 * Whether one index belongs to the lower group of a set of indices (the set includes it or not, as the
 * caller's data has it); null when the set is too small to form a group.
 */
export function isInLowerQuantile(
  value: number,
  values: readonly number[],
  quantile: number
): boolean | null {
  const threshold = lowerQuantileThreshold(values, quantile);
  return threshold === null ? null : isAtOrBelow(value, threshold);
}
