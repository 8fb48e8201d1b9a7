import { SMALL_GROUP } from "../lowResults/identificationOptions";
import { selectInPlace } from "../selectInPlace";

/**
 * The mean % «2» of the quarter of schools with the lowest share and of the quarter with the highest
 * (the programmes' gap, programmeIndicators.ts), without sorting: sorting each of 27 groups of
 * 50,000 values took a third of a second.
 */

/** Shares on a grid of hundredths of a point (0, 0,01, …, 100): the steps of a counting pass. */
export const GRID_STEPS = 10_000;

/** A group's kept values counted on the grid (groupSums.ts), and what is needed when some are off it. */
export interface GapCounts {
  /** How many kept values fall on each hundredth of a point. */
  counts: Int32Array;
  /** A buffer for the kept values, when some are off the grid (made when first asked for). */
  kept: () => Float64Array;
  failing: Float64Array;
  participants: Float64Array;
}

/** [best quarter's mean, worst quarter's mean] of `schools` kept values, `offGrid` of them off the grid. */
export function quarterMeans(gap: GapCounts, schools: number, offGrid: number): [number, number] {
  const quarter = Math.floor(schools / 4);
  return offGrid === 0
    ? quarterMeansCounted(gap.counts, quarter)
    : quarterMeansSelected(keptValues(gap.failing, gap.participants, gap.kept()), schools, quarter);
}

/**
 * The quarters' means from the counts on the grid (exports give shares to a tenth or a hundredth):
 * a walk up from 0 and one down from 100 over the 10,001 steps, each until a quarter is taken.
 */
function quarterMeansCounted(counts: Int32Array, quarter: number): [number, number] {
  return [
    quarterSum(counts, quarter, 0, 1) / quarter,
    quarterSum(counts, quarter, GRID_STEPS, -1) / quarter,
  ];
}

/**
 * The sum of the first `quarter` values met walking the steps from `from` by `direction`. One loop
 * for both walks: with a loop each, V8 compiled the function during the first and threw the code
 * away on reaching the second, which it had not seen run (27 times per summary).
 */
function quarterSum(counts: Int32Array, quarter: number, from: number, direction: 1 | -1): number {
  let sum = 0;
  let left = quarter;
  for (let step = from; left > 0; step += direction) {
    const take = Math.min(counts[step], left);
    sum += (take * step) / 100;
    left -= take;
  }
  return sum;
}

/** The group's values without the small groups' (as groupSums.ts counts them), into `kept`. */
function keptValues(
  failing: Float64Array,
  participants: Float64Array,
  kept: Float64Array
): Float64Array {
  let schools = 0;
  for (let school = 0; school < failing.length; school++) {
    const value = failing[school];
    if (Number.isNaN(value) || participants[school] < SMALL_GROUP) continue;
    kept[schools++] = value;
  }
  return kept;
}

/** The same from values off the grid (fractions read ×100): the two quarters by selection. */
function quarterMeansSelected(
  kept: Float64Array,
  schools: number,
  quarter: number
): [number, number] {
  selectInPlace(kept, 0, schools, quarter - 1);
  selectInPlace(kept, quarter, schools, schools - quarter);
  let best = 0;
  let worst = 0;
  for (let i = 0; i < quarter; i++) {
    best += kept[i];
    worst += kept[schools - 1 - i];
  }
  return [best / quarter, worst / quarter];
}
